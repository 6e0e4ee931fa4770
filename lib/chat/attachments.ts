import { t } from "@/lib/i18n";
import { imageLimits } from "./limits";

/**
 * Image types Mistral reads (vision docs: PNG, JPEG, WEBP, non-animated GIF). Anything else,
 * SVG and HTML above all, is refused: a stored image is served back with this type.
 */
export const IMAGE_MEDIA_TYPES = ["image/png", "image/jpeg", "image/webp", "image/gif"] as const;
export type ImageMediaType = (typeof IMAGE_MEDIA_TYPES)[number];

/** The type of an image from its first bytes, whatever its name or declared type says. */
export function sniffImageType(bytes: Uint8Array): ImageMediaType | undefined {
  const starts = (...signature: number[]) => signature.every((byte, i) => bytes[i] === byte);
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return "image/png";
  if (starts(0xff, 0xd8, 0xff)) return "image/jpeg";
  if (starts(0x47, 0x49, 0x46, 0x38)) return "image/gif";
  // RIFF....WEBP
  if (
    starts(0x52, 0x49, 0x46, 0x46) &&
    bytes[8] === 0x57 &&
    bytes[9] === 0x45 &&
    bytes[10] === 0x42 &&
    bytes[11] === 0x50
  )
    return "image/webp";
  return undefined;
}

const DATA_URL = /^data:([a-z]+\/[a-z0-9.+-]+);base64,([A-Za-z0-9+/]*={0,2})$/;

export type DataUrl = { mediaType: string; base64: string; bytes: number };

/** A base64 `data:` URL's parts; undefined when it is not one. */
export function parseDataUrl(url: string): DataUrl | undefined {
  const match = DATA_URL.exec(url);
  if (!match) return undefined;
  const [, mediaType = "", base64 = ""] = match;
  const padding = base64.endsWith("==") ? 2 : base64.endsWith("=") ? 1 : 0;
  return { mediaType, base64, bytes: (base64.length / 4) * 3 - padding };
}

export function decodeBase64(base64: string): Uint8Array {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

export function isWebUrl(url: string): boolean {
  if (url.length > imageLimits.urlChars) return false;
  try {
    const parsed = new URL(url);
    return parsed.protocol === "https:" || parsed.protocol === "http:";
  } catch {
    return false;
  }
}

export type AttachmentCheck = { ok: true } | { ok: false; error: string; tooLarge: boolean };

/** Checks one image URL: an allowed image type whose bytes match it, or a web URL. */
export function checkImageUrl(
  url: string,
  name: string,
): { ok: true; bytes: number } | { ok: false; error: string; tooLarge: boolean } {
  if (isWebUrl(url)) return { ok: true, bytes: 0 };
  const data = parseDataUrl(url);
  const notAnImage = { ok: false as const, tooLarge: false, error: t("attachments.notAnImage", { name }) };
  if (!data) return notAnImage;
  if (data.bytes > imageLimits.bytesPerImage) {
    const error = t("attachments.imageTooLarge", { name, max: megabytes(imageLimits.bytesPerImage) });
    return { ok: false, tooLarge: true, error };
  }
  const sniffed = sniffImageType(decodeBase64(data.base64.slice(0, 16)));
  if (!sniffed || sniffed !== data.mediaType) return notAnImage;
  return { ok: true, bytes: data.bytes };
}

export type AttachmentLike = { kind: "image" | "document"; name: string; url: string };

/**
 * The limits on a request's images and documents, checked by the browser before sending and by
 * the route again: count, bytes per image, total bytes, and that every image is one.
 */
export function checkAttachments(attachments: readonly AttachmentLike[]): AttachmentCheck {
  const images = attachments.filter((a) => a.kind === "image");
  const documents = attachments.filter((a) => a.kind === "document");
  if (images.length > imageLimits.count)
    return { ok: false, tooLarge: true, error: t("attachments.tooManyImages", { max: imageLimits.count }) };
  if (documents.length > imageLimits.documents)
    return { ok: false, tooLarge: true, error: t("attachments.tooManyDocuments", { max: imageLimits.documents }) };
  let total = 0;
  for (const image of images) {
    const checked = checkImageUrl(image.url, image.name);
    if (!checked.ok) return checked;
    total += checked.bytes;
  }
  if (total > imageLimits.totalBytes)
    return {
      ok: false,
      tooLarge: true,
      error: t("attachments.imagesTooLarge", { max: megabytes(imageLimits.totalBytes) }),
    };
  for (const document of documents)
    if (!isWebUrl(document.url))
      return { ok: false, tooLarge: false, error: t("attachments.documentUrl", { name: document.name }) };
  return { ok: true };
}

export function megabytes(bytes: number): string {
  return `${Math.round((bytes / 1_048_576) * 10) / 10} MB`;
}

function toBase64(bytes: Uint8Array): string {
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/**
 * An image file as a data URL of its bytes, unchanged, typed by what its bytes are (not by its name
 * or the type the browser guessed); refused when it is no PNG, JPEG, WEBP or GIF, or too large.
 */
export async function imageFromFile(
  file: Blob & { name?: string },
): Promise<{ ok: true; value: { name: string; url: string } } | { ok: false; error: string }> {
  const name = file.name || "image";
  if (file.size > imageLimits.bytesPerImage)
    return {
      ok: false,
      error: t("attachments.imageTooLarge", { name, max: megabytes(imageLimits.bytesPerImage) }),
    };
  const bytes = new Uint8Array(await file.arrayBuffer());
  const type = sniffImageType(bytes);
  if (!type) return { ok: false, error: t("attachments.notAnImage", { name }) };
  return { ok: true, value: { name, url: `data:${type};base64,${toBase64(bytes)}` } };
}
