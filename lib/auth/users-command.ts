import { randomBytes } from "node:crypto";
import { closeShareStore } from "@/lib/shares/db";

const USAGE = `Usage:
  npm run users -- add EMAIL --password-stdin     create an account (the first one is an admin)
  npm run users -- list                           list the accounts
  npm run users -- remove EMAIL                   delete an account and sign it out
  npm run users -- reset-password EMAIL           set a new password read from standard input

The password is read from standard input, never from the command line:
  printf '%s' "$PASSWORD" | npm run users -- add alice@example.com --password-stdin

With the embedded database (no DATABASE_URL), stop the server first: one process at a time
may open DATA_DIR.`;

async function readPassword(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  // One trailing newline is what `echo` or a here-string adds, not part of the password.
  return Buffer.concat(chunks)
    .toString("utf8")
    .replace(/\r?\n$/, "");
}

/** Runs one command; answers the process's exit code. */
export async function runUsersCommand(args: readonly string[]): Promise<number> {
  const [command, email] = args;
  // Accounts are managed without signing any cookie: a throwaway secret is enough here.
  process.env.AUTH_SECRET ||= randomBytes(32).toString("base64url");
  process.env.AUTH_URL ||= "http://localhost";
  const users = await import("./users");
  try {
    switch (command) {
      case "add": {
        if (!email || !args.includes("--password-stdin")) break;
        const added = await users.addUser(email, await readPassword());
        if (!added.ok) return fail(added.error);
        console.log(`Added ${email.trim().toLowerCase()} (${added.value.role}).`);
        return 0;
      }
      case "list": {
        for (const user of await users.listUsers()) console.log(`${user.email}\t${user.role}\t${user.createdAt}`);
        return 0;
      }
      case "remove": {
        if (!email) break;
        const removed = await users.removeUser(email);
        if (!removed.ok) return fail(removed.error);
        console.log(`Removed ${email}.`);
        return 0;
      }
      case "reset-password": {
        if (!email) break;
        const reset = await users.resetPassword(email, await readPassword());
        if (!reset.ok) return fail(reset.error);
        console.log(`New password set for ${email}; its sessions are signed out.`);
        return 0;
      }
    }
    console.error(USAGE);
    return 2;
  } finally {
    await closeShareStore();
  }
}

function fail(message: string): number {
  console.error(message);
  return 1;
}
