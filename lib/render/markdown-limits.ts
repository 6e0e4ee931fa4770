import { renderLimits } from "./limits.ts";

export type MarkdownCheck = { ok: true } | { ok: false; reason: "too_large" | "too_deep" };

const FENCE = /^ {0,3}(`{3,}|~{3,})/;

/**
 * How deeply blockquotes and lists may nest in `text`, read from the line starts alone:
 * container markers (`>`, `-`, `+`, `*`, `1.`, `1)`) plus one level per two columns of
 * indentation before the first of them. It can only overestimate, which is what a limit needs;
 * fenced code is skipped.
 */
export function markdownNestingDepth(text: string): number {
  let deepest = 0;
  let fence: string | null = null;
  for (const line of text.split("\n")) {
    const marker = FENCE.exec(line)?.[1];
    if (fence !== null) {
      if (marker && marker[0] === fence[0] && marker.length >= fence.length) fence = null;
      continue;
    }
    if (marker) {
      fence = marker;
      continue;
    }
    deepest = Math.max(deepest, lineDepth(line));
  }
  return deepest;
}

function lineDepth(line: string): number {
  let markers = 0;
  let columns = 0;
  let i = 0;
  while (i < line.length) {
    const char = line[i];
    if (char === " " || char === "\t") {
      if (markers === 0) columns += char === " " ? 1 : 4;
      i += 1;
    } else if (char === ">") {
      markers += 1;
      i += 1;
    } else if ((char === "-" || char === "+" || char === "*") && isBlank(line[i + 1])) {
      markers += 1;
      i += 1;
    } else {
      const ordered = /^\d{1,9}[.)]/.exec(line.slice(i, i + 11));
      if (!ordered || !isBlank(line[i + ordered[0].length])) break;
      markers += 1;
      i += ordered[0].length;
    }
  }
  return markers + Math.floor(columns / 2);
}

function isBlank(char: string | undefined): boolean {
  return char === undefined || char === " " || char === "\t";
}

/** Whether `text` is small and shallow enough to be rendered as Markdown. */
export function checkMarkdown(text: string): MarkdownCheck {
  if (text.length > renderLimits.markdownChars) return { ok: false, reason: "too_large" };
  if (markdownNestingDepth(text) > renderLimits.markdownDepth) return { ok: false, reason: "too_deep" };
  return { ok: true };
}
