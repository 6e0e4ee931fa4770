import { accountIdOf } from "@/lib/auth/account-header";
import { jsonError } from "@/lib/http/errors";
import { readRequest } from "@/lib/http/request";
import { getShareStore } from "@/lib/shares/db";
import { logShareFailure } from "@/lib/shares/log";
import { forgetShareMarkdown } from "@/lib/shares/rendered-share";
import type { ShareCredential } from "@/lib/shares/repository";
import { shareRenameSchema } from "@/lib/shares/share";

export const runtime = "nodejs";

interface Context {
  params: Promise<{ id: string }>;
}

const NOT_FOUND = "This share does not exist or was deleted. Check the link with whoever sent it.";

/**
 * A share's transcript never changes, but its creator can rename or delete it, and then the old
 * version must stop being served at once: no shared cache may keep a copy, and browsers ask again.
 */
const SHARE_CACHE_CONTROL = "private, max-age=0";

export async function GET(_request: Request, { params }: Context): Promise<Response> {
  const { id } = await params;
  try {
    const share = await getShareStore().getShare(id);
    if (!share) return jsonError(404, "not_found", NOT_FOUND);
    return Response.json(share, { headers: { "cache-control": SHARE_CACHE_CONTROL } });
  } catch (error) {
    logShareFailure("reading", id, error);
    return jsonError(500, "internal", "The share could not be loaded. Try again in a moment.");
  }
}

export async function DELETE(request: Request, { params }: Context): Promise<Response> {
  const { id } = await params;
  const credential = shareCredential(request);
  if (!credential) {
    return jsonError(403, "forbidden", "Deleting a share needs its delete token in the x-delete-token header.");
  }
  try {
    const result = await getShareStore().deleteShare(id, credential);
    if (result === "not_found") return jsonError(404, "not_found", NOT_FOUND);
    if (result === "forbidden") {
      return jsonError(403, "forbidden", "This delete token does not match the share. Only its creator can delete it.");
    }
    forgetShareMarkdown(id);
    return new Response(null, { status: 204 });
  } catch (error) {
    logShareFailure("deleting", id, error);
    return jsonError(500, "internal", "The share could not be deleted. Try again in a moment.");
  }
}

const MAX_RENAME_BYTES = 4096;

/** Renames a share: `{ title }`, with the delete token as the creator's credential. */
export async function PATCH(request: Request, { params }: Context): Promise<Response> {
  const { id } = await params;
  const credential = shareCredential(request);
  if (!credential) {
    return jsonError(403, "forbidden", "Renaming a share needs its delete token in the x-delete-token header.");
  }
  const input = await readRequest(request, shareRenameSchema, MAX_RENAME_BYTES);
  if (!input.ok) return input.response;
  try {
    const result = await getShareStore().renameShare(id, credential, input.value.title);
    if (result === "not_found") return jsonError(404, "not_found", NOT_FOUND);
    if (result === "forbidden") {
      return jsonError(403, "forbidden", "This delete token does not match the share. Only its creator can rename it.");
    }
    return Response.json({ id, title: input.value.title }, { headers: { "cache-control": "no-store" } });
  } catch (error) {
    logShareFailure("renaming", id, error);
    return jsonError(500, "internal", "The share could not be renamed. Try again in a moment.");
  }
}

/** The delete token, else the signed-in account (which owns the shares it made). */
function shareCredential(request: Request): ShareCredential | null {
  const token = deleteTokenFrom(request.headers);
  const ownerId = accountIdOf(request);
  return token ?? (ownerId ? { ownerId } : null);
}

/** `x-delete-token: <token>`, or `Authorization: Bearer <token>`. */
function deleteTokenFrom(headers: Headers): string | null {
  const direct = headers.get("x-delete-token")?.trim();
  if (direct) return direct;
  const bearer = /^Bearer\s+(\S+)\s*$/i.exec(headers.get("authorization") ?? "");
  return bearer?.[1] ?? null;
}
