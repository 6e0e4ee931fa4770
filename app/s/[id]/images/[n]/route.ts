import { jsonError } from "@/lib/http/errors";
import { getShareStore } from "@/lib/shares/db";
import { shareImages, storedImage } from "@/lib/shares/images";

export const runtime = "nodejs";

/**
 * The n-th image of a share, with the type its bytes say (PNG, JPEG, WEBP or GIF only), never the
 * type it was stored under; `nosniff` and a CSP that runs nothing keep it an image.
 */
export async function GET(
  _request: Request,
  { params }: { params: Promise<{ id: string; n: string }> },
): Promise<Response> {
  const { id, n } = await params;
  const index = /^\d{1,3}$/.test(n) ? Number(n) : -1;
  const share = index >= 0 ? await getShareStore().getShare(id) : undefined;
  const image = share ? shareImages(share.snapshot)[index] : undefined;
  const stored = image ? storedImage(image) : undefined;
  if (!stored) return jsonError(404, "not_found", "This share has no such image.");
  return new Response(Buffer.from(stored.bytes), {
    headers: {
      "content-type": stored.type,
      "x-content-type-options": "nosniff",
      "content-security-policy": "default-src 'none'; sandbox",
      // A share never changes.
      "cache-control": "public, max-age=31536000, immutable",
    },
  });
}
