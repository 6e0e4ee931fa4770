/**
 * JSON text parsed without throwing. This file imports nothing, so every area of `lib/` can use
 * it, including the Markdown worker that Node runs as TypeScript.
 */
export type JsonObject = Record<string, unknown>;
export type JsonResult<T> = { ok: true; value: T } | { ok: false; error: string };

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The parsed value, or JSON.parse's message, which names the position of the first error. */
export function parseJson(text: string): JsonResult<unknown> {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    if (!(error instanceof SyntaxError)) throw error;
    return { ok: false, error: error.message };
  }
}
