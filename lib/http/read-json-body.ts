import { jsonError } from "./errors";

export type JsonBodyResult = { ok: true; value: unknown } | { ok: false; response: Response };

function tooLarge(limit: number): JsonBodyResult {
  const megabytes = (limit / (1024 * 1024)).toLocaleString("en", { maximumFractionDigits: 1 });
  return {
    ok: false,
    response: jsonError(413, "too_large", `The request body is larger than ${megabytes} MB. Send less.`),
  };
}

/**
 * Reads a JSON request body of at most `limit` bytes. The declared Content-Length is
 * checked first, then the bytes as they arrive, so an oversized body is never buffered whole.
 */
export async function readJsonBody(request: Request, limit: number): Promise<JsonBodyResult> {
  const declared = Number(request.headers.get("content-length") ?? NaN);
  if (declared > limit) return tooLarge(limit);
  if (!request.body) return { ok: false, response: jsonError(400, "invalid_request", "The request has no body.") };

  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = request.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      return tooLarge(limit);
    }
    chunks.push(value);
  }
  const text = new TextDecoder().decode(Buffer.concat(chunks));
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false, response: jsonError(400, "invalid_request", "The request body is not valid JSON.") };
  }
}
