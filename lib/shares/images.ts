import { checkImageUrl, decodeBase64, parseDataUrl, sniffImageType, type ImageMediaType } from "@/lib/chat/attachments";
import { base64Length } from "@/lib/chat/limits";
import type { ImageAttachment, PromptSnapshot } from "@/lib/workspace/model";

/** Images a share may carry, in bytes (decoded); the share body limit grows by their base64 size. */
export const SHARE_IMAGE_BYTES = 8 * 1024 * 1024;
/** The share body limit: the text's megabyte, plus the images as base64 data URLs. */
export const MAX_SHARE_BODY_BYTES = 1_048_576 + base64Length(SHARE_IMAGE_BYTES);

/** The text of a share's JSON, its images' data URLs aside: this is what the text megabyte counts. */
export const MAX_SHARE_TEXT_BYTES = 1_048_576;
export function shareTextBytes(body: unknown): number | undefined {
  try {
    const text = JSON.stringify(body, (key, value: unknown) =>
      key === "url" && typeof value === "string" && value.startsWith("data:") ? "" : value,
    );
    return Buffer.byteLength(text);
  } catch (error) {
    // Nested deeper than the stack allows: not a share any run could have made.
    if (error instanceof RangeError) return undefined;
    throw error;
  }
}

/** A share's images in conversation order; `/s/{id}/images/{n}` serves the n-th. */
export function shareImages(snapshot: PromptSnapshot): ImageAttachment[] {
  return snapshot.messages.flatMap((m) =>
    m.role === "user" ? (m.attachments ?? []).filter((a): a is ImageAttachment => a.kind === "image") : [],
  );
}

/** Why a snapshot's images cannot be shared (not images, or too many bytes together); null when they can. */
export function checkShareImages(snapshot: PromptSnapshot): string | null {
  let total = 0;
  for (const image of shareImages(snapshot)) {
    const checked = checkImageUrl(image.url, image.name);
    if (!checked.ok) return checked.error;
    total += checked.bytes;
  }
  return total > SHARE_IMAGE_BYTES ? `the images together exceed ${SHARE_IMAGE_BYTES / 1_048_576} MB` : null;
}

/**
 * The bytes of a stored image and the type its bytes say it is, from the allow-list only (PNG,
 * JPEG, WEBP, GIF): an SVG or HTML file stored under an image's name is never served.
 */
export function storedImage(image: ImageAttachment): { type: ImageMediaType; bytes: Uint8Array } | undefined {
  const data = parseDataUrl(image.url);
  if (!data) return undefined;
  const bytes = decodeBase64(data.base64);
  const type = sniffImageType(bytes);
  return type ? { type, bytes } : undefined;
}
