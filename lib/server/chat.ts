import "server-only";
import { jsonError } from "@/lib/http/errors";
import { readRequest } from "@/lib/http/request";
import { errorWords } from "@/lib/i18n";
import { checkAttachments } from "@/lib/chat/attachments";
import { requestAttachments } from "@/lib/chat/build-request";
import { MAX_CHAT_BODY_BYTES } from "@/lib/chat/limits";
import { chatRequestSchema, USER_API_KEY_HEADER } from "@/lib/chat/request";
import { checkConversation, describeViolation } from "@/lib/chat/rules";
import { streamChat } from "@/lib/chat/stream";
import { getStreamSlots } from "@/lib/chat/stream-slots";
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

  const attachments = checkAttachments(requestAttachments(parsed.value.messages));
  if (!attachments.ok) {
    const [status, code] = attachments.tooLarge ? ([413, "too_large"] as const) : ([400, "invalid_request"] as const);
    return jsonError(status, code, attachments.error);
  }

  const rules = checkConversation(parsed.value.messages);
  if (!rules.ok) return jsonError(400, "invalid_request", describeViolation(rules.error));

  const apiKey = resolveApiKey(request.headers.get(USER_API_KEY_HEADER));
  if (!apiKey) return jsonError(401, "no_api_key", errorWords("errors.no_api_key"));

  const budget = await checkTokenBudget(request);
  if (!budget.ok) return budget.response;
  return getStreamSlots().run(() =>
    streamChat(parsed.value, { apiKey, abortSignal: request.signal, onUsage: budget.record }),
  );
}
