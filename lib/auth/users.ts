import "server-only";
import { getAuth } from "./auth";

export type UsersResult<T> = { ok: true; value: T } | { ok: false; error: string };

export interface ListedUser {
  email: string;
  role: string;
  createdAt: string;
}

async function context() {
  return (await getAuth()).$context;
}

function checkPassword(password: string, config: { minPasswordLength: number; maxPasswordLength: number }) {
  if (password.length < config.minPasswordLength) {
    return `The password is shorter than ${config.minPasswordLength} characters.`;
  }
  if (password.length > config.maxPasswordLength) {
    return `The password is longer than ${config.maxPasswordLength} characters.`;
  }
  return undefined;
}

/** Creates an account with a password; the first account there is becomes an admin. */
export async function addUser(email: string, password: string): Promise<UsersResult<{ role: string }>> {
  const ctx = await context();
  const normalised = email.trim().toLowerCase();
  if (!/^[^\s@]+@[^\s@]+$/.test(normalised)) return { ok: false, error: `${JSON.stringify(email)} is not an email.` };
  const weak = checkPassword(password, ctx.password.config);
  if (weak) return { ok: false, error: weak };
  if (await ctx.internalAdapter.findUserByEmail(normalised)) {
    return { ok: false, error: `An account for ${normalised} exists already.` };
  }
  const role = (await ctx.internalAdapter.listUsers(1)).length === 0 ? "admin" : "member";
  const user = await ctx.internalAdapter.createUser(
    {
      email: normalised,
      name: normalised.split("@")[0] ?? normalised,
      emailVerified: true,
      role,
    },
    { method: "admin" },
  );
  await ctx.internalAdapter.linkAccount({
    userId: user.id,
    providerId: "credential",
    accountId: user.id,
    password: await ctx.password.hash(password),
  });
  return { ok: true, value: { role } };
}

export async function listUsers(): Promise<ListedUser[]> {
  const ctx = await context();
  const users = await ctx.internalAdapter.listUsers(undefined, undefined, { field: "createdAt", direction: "asc" });
  return users.map((user: { email: string; createdAt: Date; role?: unknown }) => ({
    email: user.email,
    role: typeof user.role === "string" ? user.role : "member",
    createdAt: user.createdAt.toISOString(),
  }));
}

/** Deletes the account and its sessions; its shares stay readable, owned by no one. */
export async function removeUser(email: string): Promise<UsersResult<null>> {
  const ctx = await context();
  const found = await ctx.internalAdapter.findUserByEmail(email.trim().toLowerCase());
  if (!found) return { ok: false, error: `No account for ${email}.` };
  await ctx.internalAdapter.deleteUserSessions(found.user.id);
  await ctx.internalAdapter.deleteUser(found.user.id);
  return { ok: true, value: null };
}

/** Sets a new password and signs the account out everywhere. */
export async function resetPassword(email: string, password: string): Promise<UsersResult<null>> {
  const ctx = await context();
  const found = await ctx.internalAdapter.findUserByEmail(email.trim().toLowerCase(), { includeAccounts: true });
  if (!found) return { ok: false, error: `No account for ${email}.` };
  const weak = checkPassword(password, ctx.password.config);
  if (weak) return { ok: false, error: weak };
  const hash = await ctx.password.hash(password);
  if (found.accounts.some((account) => account.providerId === "credential")) {
    await ctx.internalAdapter.updatePassword(found.user.id, hash);
  } else {
    await ctx.internalAdapter.linkAccount({
      userId: found.user.id,
      providerId: "credential",
      accountId: found.user.id,
      password: hash,
    });
  }
  await ctx.internalAdapter.deleteUserSessions(found.user.id);
  return { ok: true, value: null };
}
