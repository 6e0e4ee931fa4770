export type TranscriptFormat = "md" | "json";

export const TRANSCRIPT_MEDIA_TYPES: Record<TranscriptFormat, string> = {
  md: "text/markdown; charset=utf-8",
  json: "application/json; charset=utf-8",
};

/**
 * File names for downloaded transcripts: the title in lower case, words joined by dashes. Letters
 * of every script stay (a Chinese title gives a Chinese name); anything a file system or a
 * header could trip on goes.
 */
export function transcriptFileName(title: string, extension: TranscriptFormat): string {
  const stem = Array.from(
    title
      .normalize("NFC")
      .toLowerCase()
      .replace(/[^\p{L}\p{M}\p{N}]+/gu, "-")
      .replace(/^-+|-+$/g, ""),
  )
    .slice(0, 60)
    .join("")
    .replace(/-+$/, "");
  return `${stem || "transcript"}.${extension}`;
}

/**
 * Headers for a transcript download. `Content-Disposition` carries an ASCII `filename` for old
 * clients and the real name in `filename*` (RFC 6266 with RFC 5987 encoding) for the rest. Like
 * the share itself, the file must not outlive a revocation in a shared cache.
 */
export function attachmentHeaders(title: string, extension: TranscriptFormat): HeadersInit {
  const fileName = transcriptFileName(title, extension);
  const ascii = fileName.replace(/[^\x20-\x7e]|["\\]/g, "_");
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return {
    "content-type": TRANSCRIPT_MEDIA_TYPES[extension],
    "content-disposition": `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`,
    "cache-control": "private, max-age=0",
  };
}
