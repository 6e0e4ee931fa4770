/**
 * Error bodies exactly as api.mistral.ai sends them. Sources: FACTS.md §4 and the verbatim bodies
 * in /work/shared/mistral-wire/recorded/errors/ (file named after each constant below).
 */

/** A whole JSON answer: status, body and any extra headers. */
export type JsonReply = { status: number; body: unknown; headers?: Record<string, string> };

/**
 * The envelope of every non-422 Mistral error since ~2026-03: string `message`, numeric-string
 * `code` (or null), `param: null`, and `raw_status_code` (FACTS §4.1).
 */
export function mistralError(status: number, message: string, type: string, code: string | null): JsonReply {
  return { status, body: { object: "error", message, type, param: null, code, raw_status_code: status } };
}

/** 401_detail-unauthorized_2025-06_2026-01.json — not the documented envelope (FACTS §7.3). */
export const unauthorized: JsonReply = { status: 401, body: { detail: "Unauthorized" } };

/** 404_not_found_2025.json — FastAPI's default for unknown paths. */
export const notFound: JsonReply = { status: 404, body: { detail: "Not Found" } };

/** 400_invalid_model_with_raw_status_2026.json — unknown model is 400, not 404 (FACTS §7.4). */
export function invalidModel(model: string): JsonReply {
  return mistralError(400, `Invalid model: ${model}`, "invalid_model", "1500");
}

/** 400_message_order_2025-12.json: mistral-common InvalidMessageStructureException. */
export function messageOrder(message: string): JsonReply {
  return mistralError(400, message, "invalid_request_message_order", "3230");
}

/** 400_tool_call_id_invalid_*.json: mistral-common InvalidFunctionCallException / InvalidToolMessageException. */
export function invalidFunctionCall(message: string): JsonReply {
  return mistralError(400, message, "invalid_function_call", "3280");
}

/**
 * 400_assistant_content_and_tool_calls_2025-03.json (type invalid_request_error, code null); the
 * fake uses the same envelope for the other mistral-common checks that have no recorded body.
 */
export function invalidRequest(message: string): JsonReply {
  return mistralError(400, message, "invalid_request_error", null);
}

/** 400_context_too_long_2026.json and 400_prompt_mode_not_enabled_2026-04.json. */
export function invalidArgs(message: string): JsonReply {
  return mistralError(400, message, "invalid_request_invalid_args", "3051");
}

/**
 * 429_rate_limited_with_raw_status_2026-09.json plus the x-ratelimit-* family (FACTS §4.3:
 * accounts out of quota see `x-ratelimit-limit-req-minute: 0`). No real capture shows Retry-After;
 * it is sent only when a test asks for it.
 */
export function rateLimited(retryAfterSeconds?: number): JsonReply {
  const reply = mistralError(429, "Rate limit exceeded", "rate_limited", "1300");
  reply.headers = { ...rateLimitHeaders(0) };
  if (retryAfterSeconds !== undefined) reply.headers["retry-after"] = String(retryAfterSeconds);
  return reply;
}

/** No real 5xx body was ever captured (FACTS §4.2); this reuses the current envelope. */
export function serverError(status: number): JsonReply {
  const message = status === 503 ? "Service unavailable" : status === 502 ? "Bad gateway" : "Internal server error";
  return mistralError(status, message, "server_error", null);
}

/** Header names and magnitudes from recorded/headers_ratelimit_2026-02_client-ts-issue-169.txt. */
export function rateLimitHeaders(remainingRequests: number, queryCost = 0): Record<string, string> {
  return {
    "x-ratelimit-limit-tokens-minute": "5000000",
    "x-ratelimit-remaining-tokens-minute": String(5_000_000 - queryCost),
    "x-ratelimit-tokens-query-cost": String(queryCost),
    "x-ratelimit-limit-req-minute": "720",
    "x-ratelimit-remaining-req-minute": String(remainingRequests),
  };
}
