import { handleChat } from "@/lib/server/chat";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/**
 * Under `next start` this route is not reached: the chat lane serves `POST /api/chat` before
 * Next.js routes it (lib/server/chat-lane.ts). It serves it under `next dev`, where code reloads.
 */
export async function POST(request: Request): Promise<Response> {
  return handleChat(request);
}
