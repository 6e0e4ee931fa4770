import { ACCOUNT_HEADER } from "@/lib/auth/account-header";

/**
 * Whom a request counts against: the signed-in account, else the client's address. The server
 * rewrites `X-Forwarded-For` to the one address it resolved (see `lib/server/http-hooks.ts`), so
 * its first entry is the client whatever the client sent.
 */
export function limitSubject(headers: Headers): string {
  const account = headers.get(ACCOUNT_HEADER);
  if (account) return `account:${account}`;
  const address = headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  return `address:${address || "unknown"}`;
}
