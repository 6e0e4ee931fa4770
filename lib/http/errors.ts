import { z } from "zod";

/** The error vocabulary shared by server and client; clients branch on `code`, never on text. */
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
  "overloaded",
  "interrupted",
  "internal",
  "unauthenticated",
  "unavailable",
] as const;
export type ErrorCode = (typeof errorCodes)[number];

/** The body of every error response: `{ error: { code, message } }`. */
export const errorBodySchema = z.object({
  error: z.object({ code: z.enum(errorCodes), message: z.string() }),
});
export type ErrorBody = z.infer<typeof errorBodySchema>;

/** A JSON error response. `message` is shown to the user: say what happened and what to do. */
export function jsonError(status: number, code: ErrorCode, message: string, init?: ResponseInit): Response {
  const headers = new Headers(init?.headers);
  // An error describes one moment; a cache must not replay it.
  if (!headers.has("cache-control")) headers.set("cache-control", "no-store");
  const body: ErrorBody = { error: { code, message } };
  return Response.json(body, { ...init, status, headers });
}

/** Names the fields a zod parse rejected: `snapshot.messages[2].role: Invalid input…`. */
export function describeIssues(error: z.ZodError, maxIssues = 3): string {
  const lines = error.issues.slice(0, maxIssues).map((issue) => `${formatPath(issue.path)}: ${issue.message}`);
  const more = error.issues.length - maxIssues;
  return more > 0 ? `${lines.join("; ")}; and ${more} more` : lines.join("; ");
}

function formatPath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return "(root)";
  return path
    .map((key, index) => (typeof key === "number" ? `[${key}]` : `${index === 0 ? "" : "."}${String(key)}`))
    .join("");
}
