import { jsonError } from "@/lib/http/errors";
import { getShareStore } from "@/lib/shares/db";

export const runtime = "nodejs";

interface Context {
  params: Promise<{ id: string }>;
}

const NOT_FOUND = "This share does not exist or was deleted. Check the link with whoever sent it.";

/**
 * A share never changes, but its creator can delete it, and then it must stop being served at
 * once: no shared cache may keep a copy, and browsers ask again each time.
 */
const SHARE_CACHE_CONTROL = "private, max-age=0";

export async function GET(_request: Request, { params }: Context): Promise<Response> {
  const { id } = await params;
  try {
    const share = await getShareStore().getShare(id);
    if (!share) return jsonError(404, "not_found", NOT_FOUND);
    return Response.json(share, { headers: { "cache-control": SHARE_CACHE_CONTROL } });
  } catch (error) {
    console.error(`[shares] reading share ${id} failed`, error);
    return jsonError(500, "internal", "The share could not be loaded. Try again in a moment.");
  }
}

export async function DELETE(request: Request, { params }: Context): Promise<Response> {
  const { id } = await params;
  const token = deleteTokenFrom(request.headers);
  if (!token) {
    return jsonError(403, "forbidden", "Deleting a share needs its delete token in the x-delete-token header.");
  }
  try {
    const result = await getShareStore().deleteShare(id, token);
    if (result === "not_found") return jsonError(404, "not_found", NOT_FOUND);
    if (result === "forbidden") {
      return jsonError(403, "forbidden", "This delete token does not match the share. Only its creator can delete it.");
    }
    return new Response(null, { status: 204 });
  } catch (error) {
    console.error(`[shares] deleting share ${id} failed`, error);
    return jsonError(500, "internal", "The share could not be deleted. Try again in a moment.");
  }
}

/** `x-delete-token: <token>`, or `Authorization: Bearer <token>`. */
function deleteTokenFrom(headers: Headers): string | null {
  const direct = headers.get("x-delete-token")?.trim();
  if (direct) return direct;
  const bearer = /^Bearer\s+(\S+)\s*$/i.exec(headers.get("authorization") ?? "");
  return bearer?.[1] ?? null;
}
