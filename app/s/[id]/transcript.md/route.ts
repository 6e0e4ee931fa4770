import { notFound } from "next/navigation";
import { attachmentHeaders } from "@/lib/export/download";
import { toMarkdown } from "@/lib/export/transcript-markdown";
import { getShareStore } from "@/lib/shares/db";

export const runtime = "nodejs";

/** The share as a Markdown file, for reading elsewhere. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const share = await getShareStore().getShare((await params).id);
  if (!share) notFound();
  const text = toMarkdown({ title: share.title, snapshot: share.snapshot, createdAt: share.createdAt });
  return new Response(text, { headers: attachmentHeaders(share.title, "md") });
}
