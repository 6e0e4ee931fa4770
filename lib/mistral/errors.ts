import { APICallError, RetryError } from "ai";
import { z } from "zod";
import type { ErrorCode } from "@/lib/http/errors";
import { parseRetryAfter } from "@/lib/http/retry-after";
import { parseJson } from "@/lib/json";

/** A failure as the user is told of it: a code from the shared vocabulary and its detail. */
export type ChatFailure = {
  code: ErrorCode;
  detail: string;
  status: number;
  retries?: number;
  /** Mistral's `Retry-After` on a 429, passed on so that a caller retrying later can honour it. */
  retryAfterMs?: number;
};

const validationIssueSchema = z.object({
  loc: z.array(z.union([z.string(), z.number()])).optional(),
  msg: z.string(),
});
/** Mistral's error bodies: 400s carry a string message; 422s wrap FastAPI's `{detail: […]}`
 * in `message`; 401 and 404 are bare `{detail}`; the older gateway sent `{message}`. */
const mistralErrorBodySchema = z.union([
  z.object({ message: z.object({ detail: z.array(validationIssueSchema) }) }),
  z.object({ detail: z.array(validationIssueSchema) }),
  z.object({ message: z.string() }),
  z.object({ detail: z.string() }),
]);

function describeIssues(issues: z.infer<typeof validationIssueSchema>[]): string {
  return issues
    .map((issue) => {
      const path = (issue.loc ?? []).filter((part) => part !== "body").join(".");
      return path ? `${path}: ${issue.msg}` : issue.msg;
    })
    .join("; ");
}

/** A readable sentence from a Mistral error body, or undefined when the body is unknown. */
export function describeMistralErrorBody(body: string | undefined): string | undefined {
  if (!body) return undefined;
  const json = parseJson(body);
  if (!json.ok) return undefined;
  const parsed = mistralErrorBodySchema.safeParse(json.value);
  if (!parsed.success) return undefined;
  const value = parsed.data;
  if ("message" in value)
    return typeof value.message === "string" ? value.message : describeIssues(value.message.detail);
  return typeof value.detail === "string" ? value.detail : describeIssues(value.detail);
}

function fromApiCallError(error: APICallError, retries: number): ChatFailure {
  const status = error.statusCode;
  const detail = describeMistralErrorBody(error.responseBody);
  if (status === 401) return { code: "invalid_api_key", detail: detail ?? "Unauthorized", status: 401 };
  if (status === 429) {
    const retryAfterMs = parseRetryAfter(error.responseHeaders?.["retry-after"], Date.now());
    return {
      code: "rate_limited",
      detail: detail ?? "Rate limit exceeded",
      status: 429,
      retries,
      ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
    };
  }
  if (status !== undefined && status >= 500) {
    return { code: "upstream_unavailable", detail: `HTTP ${status}`, status: 502, retries };
  }
  if (status !== undefined && status >= 400) {
    return { code: "upstream_rejected", detail: detail ?? `HTTP ${status}`, status };
  }
  if (status !== undefined && status < 300) {
    // The answer had begun: the connection dropped while it streamed.
    return { code: "upstream_unavailable", detail: "the connection to Mistral was cut", status: 502, retries };
  }
  // No status: the connection itself failed.
  return { code: "upstream_unavailable", detail: "could not connect to Mistral", status: 502, retries };
}

/**
 * Maps whatever `streamText` failed with to the shared vocabulary, by HTTP status and
 * error class — never by matching message text, which may change between versions.
 */
export function toChatFailure(error: unknown): ChatFailure {
  if (RetryError.isInstance(error)) {
    const retries = Math.max(0, error.errors.length - 1);
    return error.lastError === undefined
      ? { code: "upstream_unavailable", detail: error.reason, status: 502, retries }
      : { ...toChatFailure(error.lastError), retries };
  }
  if (APICallError.isInstance(error)) return fromApiCallError(error, 0);
  if (error instanceof TypeError) {
    // fetch() rejects with a TypeError when the connection fails or is cut.
    return { code: "upstream_unavailable", detail: "the connection to Mistral failed", status: 502, retries: 0 };
  }
  return { code: "internal", detail: "unexpected error", status: 500 };
}
