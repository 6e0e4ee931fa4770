/**
 * Fenced code blocks as the transcript's Markdown writes and reads them (CommonMark 4.5): the
 * exporter and the importer walk a text with the same rules, so a line that is structure to one
 * is structure to the other.
 */

type OpenFence = { char: string; length: number } | null;

/** The fence state after `line`, given the state before it. */
export function nextFenceState(open: OpenFence, line: string): OpenFence {
  const fence = /^ {0,3}(`{3,}|~{3,})(.*)$/.exec(line);
  if (!fence?.[1]) return open;
  const marker = fence[1];
  const char = marker.charAt(0);
  if (!open) {
    // A backtick fence's info string may not contain backticks.
    return char !== "`" || !fence[2]?.includes("`") ? { char, length: marker.length } : null;
  }
  return char === open.char && marker.length >= open.length && !fence[2]?.trim() ? null : open;
}

/** Each line with whether it lies outside any fenced block (fence lines themselves are inside). */
export function linesWithFences(text: string): { line: string; outside: boolean }[] {
  let open: OpenFence = null;
  return text.split("\n").map((line) => {
    const before = open;
    open = nextFenceState(open, line);
    return { line, outside: before === null && open === null };
  });
}

/**
 * Free text may end inside a code block (an answer cut off mid-stream); left open, that block
 * would swallow the rest of the transcript, so it is closed here.
 */
export function closeOpenFence(text: string): string {
  let open: OpenFence = null;
  for (const line of text.split("\n")) open = nextFenceState(open, line);
  return open ? `${text}\n${open.char.repeat(open.length)}` : text;
}
