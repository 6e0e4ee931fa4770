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

/**
 * What a message says, for the browser to word in its reader's language: a UI catalogue key
 * (lib/i18n) and its values. The English `message` beside it is for API clients and logs.
 */
export const errorWordsSchema = z.object({
  key: z.string().max(100),
  values: z.record(z.string(), z.union([z.string().max(2000), z.number()])).optional(),
});
export type ErrorWords = z.infer<typeof errorWordsSchema>;

/** The body of every error response: `{ error: { code, message, words? } }`. */
export const errorBodySchema = z.object({
  error: z.object({ code: z.enum(errorCodes), message: z.string(), words: errorWordsSchema.optional() }),
});
export type ErrorBody = z.infer<typeof errorBodySchema>;

/** A message for an error response: plain English, or English with the words to say it in another language. */
export type ErrorMessage = string | { message: string; words: ErrorWords };

/** A JSON error response. `message` is shown to the user: say what happened and what to do. */
export function jsonError(status: number, code: ErrorCode, message: ErrorMessage, init?: ResponseInit): Response {
  const headers = new Headers(init?.headers);
  // An error describes one moment; a cache must not replay it.
  if (!headers.has("cache-control")) headers.set("cache-control", "no-store");
  const body: ErrorBody = {
    error: typeof message === "string" ? { code, message } : { code, message: message.message, words: message.words },
  };
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
