import { renderLimits } from "./limits.ts";
import { parseJson } from "../json.ts";

export type PrettyJsonResult =
  { ok: true; text: string } | { ok: false; reason: "not_json" | "too_deep" | "too_large" };

/**
 * JSON text re-indented for reading, when that stays small. Indenting grows with depth (each
 * line carries two spaces per level), so a few kilobytes nested thousands deep would pretty-print
 * to tens of megabytes, and stringifying them overflows the stack. One pass over the text finds
 * the depth and the size the result would have before anything is parsed.
 */
export function prettyJson(
  text: string,
  {
    maxDepth = renderLimits.jsonDepth,
    maxLength = renderLimits.prettyJsonChars,
  }: { maxDepth?: number; maxLength?: number } = {},
): PrettyJsonResult {
  if (text.length > maxLength) return { ok: false, reason: "too_large" };
  let depth = 0;
  let deepest = 0;
  let size = text.length;
  let inString = false;
  for (let i = 0; i < text.length; i += 1) {
    const char = text.charCodeAt(i);
    if (inString) {
      if (char === 0x5c)
        i += 1; // backslash: skip the escaped character
      else if (char === 0x22) inString = false;
      continue;
    }
    if (char === 0x22) inString = true;
    else if (char === 0x7b || char === 0x5b) {
      depth += 1;
      deepest = Math.max(deepest, depth);
      if (deepest > maxDepth) return { ok: false, reason: "too_deep" };
      size += 1 + 2 * depth; // the line break and indent of the first member
    } else if (char === 0x7d || char === 0x5d) {
      depth -= 1;
      size += 1 + 2 * Math.max(0, depth); // the closing bracket's own line
    } else if (char === 0x2c) size += 1 + 2 * depth;
    else if (char === 0x3a) size += 1; // the space after a colon
    if (size > maxLength) return { ok: false, reason: "too_large" };
  }
  const parsed = parseJson(text);
  return parsed.ok ? { ok: true, text: JSON.stringify(parsed.value, null, 2) } : { ok: false, reason: "not_json" };
}
