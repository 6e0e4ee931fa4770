/**
 * Set by the proxy on requests it let through, after checking the session: the signed-in
 * account's id. The proxy removes any value a client sent, so route handlers can trust it.
 */
export const ACCOUNT_HEADER = "x-playground-account";

/** The signed-in account behind a request, or null (sign-in off, or a public path). */
export function accountIdOf(request: Request): string | null {
  return request.headers.get(ACCOUNT_HEADER) || null;
}
