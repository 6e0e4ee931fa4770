import { linesWithFences } from "./markdown-fences";

/**
 * The lines that carry the transcript's structure in its Markdown export. In free text (the
 * system message, a message's content) a line that would read as one of them is escaped with a
 * backslash, which Markdown shows as nothing, so the importer can tell them apart.
 */
const STRUCTURE_SOURCE = [
  "## (?:Parameters|Variables|System|Conversation)$",
  "### (?:User|Assistant)$",
  "### Tool(?: result)? `",
  "\\*\\*Tool call\\*\\* `",
  "_Usage: .*_$",
  "_Interrupted before the model finished\\._$",
  "_Stopped by the user before the model finished\\._$",
  "> \\*\\*Thinking\\*\\*$",
  "!?\\[[^\\]]*\\]\\(<[^>]*>\\)$",
].join("|");

const structure = new RegExp(`^(?:${STRUCTURE_SOURCE})`);
const escapedStructure = new RegExp(`^\\\\+(?:${STRUCTURE_SOURCE})`);
const maybeEscaped = new RegExp(`^\\\\*(?:${STRUCTURE_SOURCE})`);

export const STATUS_LINES = {
  interrupted: "_Interrupted before the model finished._",
  stopped: "_Stopped by the user before the model finished._",
} as const;

/** Whether a line outside a code block is structure (not escaped free text). */
export function isStructure(line: string): boolean {
  return structure.test(line);
}

/** Escapes free-text lines that would read as structure, and lines already escaped once more. */
export function escapeStructure(text: string): string {
  return mapOutsideFences(text, (line) => (maybeEscaped.test(line) ? `\\${line}` : line));
}

/** The inverse of `escapeStructure`. */
export function unescapeStructure(text: string): string {
  return mapOutsideFences(text, (line) => (escapedStructure.test(line) ? line.slice(1) : line));
}

function mapOutsideFences(text: string, map: (line: string) => string): string {
  return linesWithFences(text)
    .map(({ line, outside }) => (outside ? map(line) : line))
    .join("\n");
}
