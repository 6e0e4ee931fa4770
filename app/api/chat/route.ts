import { describeIssues, jsonError } from "@/lib/http/errors";
import { readJsonBody } from "@/lib/http/read-json-body";
import { messages as t } from "@/lib/i18n";
import { MAX_CHAT_BODY_BYTES } from "@/lib/chat/limits";
import { chatRequestSchema, USER_API_KEY_HEADER } from "@/lib/chat/request";
import { checkConversation, describeViolation } from "@/lib/chat/rules";
import { streamChat } from "@/lib/chat/stream";
import { resolveApiKey } from "@/lib/mistral/config";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export async function POST(request: Request): Promise<Response> {
  const body = await readJsonBody(request, MAX_CHAT_BODY_BYTES);
  if (!body.ok) return body.response;

  const parsed = chatRequestSchema.safeParse(body.value);
  if (!parsed.success) return jsonError(400, "invalid_request", describeIssues(parsed.error));

  const rules = checkConversation(parsed.data.messages);
  if (!rules.ok) return jsonError(400, "invalid_request", describeViolation(rules.error));

  const apiKey = resolveApiKey(request.headers.get(USER_API_KEY_HEADER));
  if (!apiKey) return jsonError(401, "no_api_key", t.errors.no_api_key);

  return streamChat(parsed.data, { apiKey, abortSignal: request.signal });
}
