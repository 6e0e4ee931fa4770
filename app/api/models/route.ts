import { USER_API_KEY_HEADER } from "@/lib/chat/request";
import { resolveApiKey } from "@/lib/mistral/config";
import { listChatModels } from "@/lib/mistral/models";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** Chat-capable models from Mistral's live list, or the built-in catalogue with a notice. */
export async function GET(request: Request): Promise<Response> {
  const list = await listChatModels(resolveApiKey(request.headers.get(USER_API_KEY_HEADER)));
  return Response.json(list, { headers: { "Cache-Control": "private, max-age=60" } });
}
