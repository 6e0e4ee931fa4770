import "server-only";
import { jsonError } from "@/lib/http/errors";
import { readRequest } from "@/lib/http/request";
import { errorWords } from "@/lib/i18n";
import { checkAttachments } from "@/lib/chat/attachments";
import { requestAttachments } from "@/lib/chat/build-request";
import { MAX_CHAT_BODY_BYTES } from "@/lib/chat/limits";
import { chatRequestSchema, USER_API_KEY_HEADER, type ChatRequest } from "@/lib/chat/request";
import { checkConversation, describeViolation } from "@/lib/chat/rules";
import { streamChat } from "@/lib/chat/stream";
import { getStreamSlots } from "@/lib/chat/stream-slots";
import { EventStream } from "@/lib/chat/event-stream";
import { checkTokenBudget } from "@/lib/limits/token-budget";
import { resolveApiKey } from "@/lib/mistral/config";

/**
 * `POST /api/chat`, after the API guard: the request checked (size, schema, attachments,
 * conversation rules, key, token budget), then the answer streamed within a stream slot. The
 * route handler serves it under `next dev`; in production the chat lane (`chat-lane.ts`) calls it
 * straight from Node's server.
 */
export async function handleChat(request: Request): Promise<Response> {
  const parsed = await readRequest(request, chatRequestSchema, MAX_CHAT_BODY_BYTES);
  if (!parsed.ok) return parsed.response;
  const answer = await answerChat(parsed.value, request.headers, request.signal);
  return answer instanceof EventStream ? answer.toResponse() : answer;
}

/**
 * `handleChat` once the body is read and parsed (the chat lane reads it from Node's request): a
 * JSON error, or the answer's event stream for the caller to send.
 */
export async function answerChat(
  chat: ChatRequest,
  headers: Headers,
  abortSignal: AbortSignal,
): Promise<Response | EventStream> {
  const attachments = checkAttachments(requestAttachments(chat.messages));
  if (!attachments.ok) {
    const [status, code] = attachments.tooLarge ? ([413, "too_large"] as const) : ([400, "invalid_request"] as const);
    return jsonError(status, code, attachments.error);
  }

  const rules = checkConversation(chat.messages);
  if (!rules.ok) return jsonError(400, "invalid_request", describeViolation(rules.error));

  const apiKey = resolveApiKey(headers.get(USER_API_KEY_HEADER));
  if (!apiKey) return jsonError(401, "no_api_key", errorWords("errors.no_api_key"));

  const budget = await checkTokenBudget(headers);
  if (!budget.ok) return budget.response;
  return getStreamSlots().run(() => streamChat(chat, { apiKey, abortSignal, onUsage: budget.record }));
}
