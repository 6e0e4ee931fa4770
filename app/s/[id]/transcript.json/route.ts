import { notFound } from "next/navigation";
import { attachmentHeaders } from "@/lib/export/download";
import { toTranscriptJson } from "@/lib/export/transcript-json";
import { getShareStore } from "@/lib/shares/db";

export const runtime = "nodejs";

/** The share as a transcript file that the playground's Import reads back. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const share = await getShareStore().getShare((await params).id);
  if (!share) notFound();
  const text = toTranscriptJson({ title: share.title, snapshot: share.snapshot });
  return new Response(text, { headers: attachmentHeaders(share.title, "json") });
}
