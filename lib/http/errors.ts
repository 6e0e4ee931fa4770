/**
 * The one error vocabulary shared by the server and the browser. Route handlers answer
 * `{ error: { code, message } }`; the browser maps the code to what the user reads.
 */
export const errorCodes = [
  "invalid_request",
  "too_large",
  "not_found",
  "forbidden",
  "rate_limited",
  "invalid_api_key",
  "no_api_key",
  "upstream_unavailable",
  "upstream_rejected",
  "interrupted",
  "internal",
] as const;
export type ErrorCode = (typeof errorCodes)[number];

export type ErrorBody = { error: { code: ErrorCode; message: string } };

export function jsonError(status: number, code: ErrorCode, message: string, init?: ResponseInit): Response {
  const headers = new Headers(init?.headers);
  headers.set("Content-Type", "application/json");
  return new Response(JSON.stringify({ error: { code, message } } satisfies ErrorBody), {
    ...init,
    status,
    headers,
  });
}
