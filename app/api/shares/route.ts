import { accountIdOf } from "@/lib/auth/account-header";
import { jsonError } from "@/lib/http/errors";
import { parseRequest, problemResponse, readJsonBody } from "@/lib/http/request";
import { getShareStore } from "@/lib/shares/db";
import { logShareFailure } from "@/lib/shares/log";
import { prepareShareMarkdown } from "@/lib/shares/rendered-share";
import { takeShareCreation } from "@/lib/limits/share-creations";
import { MAX_SHARE_BODY_BYTES, MAX_SHARE_TEXT_BYTES, shareTextBytes } from "@/lib/shares/images";
import { shareCreateSchema } from "@/lib/shares/share";

// PGlite and pg need Node's file system and sockets.
export const runtime = "nodejs";

/** Creates a share; the delete token in the answer is the only way to delete it later. */
export async function POST(request: Request): Promise<Response> {
  const allowed = await takeShareCreation(request);
  if (!allowed.ok) {
    return jsonError(
      429,
      "rate_limited",
      `Too many shares created from here. Try again in ${allowed.retryAfterSeconds} seconds.`,
      { headers: { "retry-after": String(allowed.retryAfterSeconds) } },
    );
  }

  const body = await readJsonBody(request, MAX_SHARE_BODY_BYTES);
  if (!body.ok) return problemResponse(body.error);
  const textBytes = shareTextBytes(body.value);
  if (textBytes === undefined) {
    return jsonError(
      400,
      "invalid_request",
      "The share is nested too deeply to read. Export it again from the playground.",
    );
  }
  if (textBytes > MAX_SHARE_TEXT_BYTES) {
    const message = "The share is larger than 1 MB (1,048,576 bytes) besides its images. Shorten it and try again.";
    return jsonError(413, "too_large", message);
  }
  const input = parseRequest(shareCreateSchema, body.value);
  if (!input.ok) return problemResponse(input.error);

  try {
    const { id, deleteToken, createdAt } = await getShareStore().createShare(input.value, accountIdOf(request));
    // Rendered now, off the request, so the first view finds it ready.
    void prepareShareMarkdown(id, input.value.snapshot);
    const url = `/s/${id}`;
    return Response.json(
      { id, url, deleteToken, createdAt },
      { status: 201, headers: { location: `/api/shares/${id}`, "cache-control": "no-store" } },
    );
  } catch (error) {
    logShareFailure("creating", null, error);
    return jsonError(500, "internal", "The share could not be saved. Try again in a moment.");
  }
}
