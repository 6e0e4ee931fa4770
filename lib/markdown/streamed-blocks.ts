const FENCE = /^ {0,3}(`{3,}|~{3,})/;

/**
 * Markdown that is still arriving, cut into top-level blocks so that a renderer can parse each
 * finished block once and re-parse only the block that grows. A block ends at a blank line
 * outside fenced code when the next line starts a new block at the margin (an indented line
 * after a blank line may continue a list item, so it stays with its block). Blocks only ever
 * grow at the end: once a block is in `closed`, its text never changes.
 *
 * Constructs that span blocks (a loose list, a link reference defined further down) render
 * block by block while streaming; the finished message is rendered whole.
 */
export function splitStreamedMarkdown(text: string): { closed: string[]; open: string } {
  const closed: string[] = [];
  let blockStart = 0;
  let fence: { char: string; length: number } | undefined;
  let previousBlank = false;
  let lineStart = 0;
  while (lineStart < text.length) {
    const newline = text.indexOf("\n", lineStart);
    const lineEnd = newline === -1 ? text.length : newline;
    const line = text.slice(lineStart, lineEnd);
    const marker = FENCE.exec(line)?.[1];
    if (fence) {
      if (marker && marker[0] === fence.char && marker.length >= fence.length && line.trim() === marker)
        fence = undefined;
      previousBlank = false;
    } else if (line.trim() === "") {
      previousBlank = true;
    } else {
      if (previousBlank && !/^\s/.test(line) && lineStart > blockStart) {
        closed.push(text.slice(blockStart, lineStart));
        blockStart = lineStart;
      }
      if (marker) fence = { char: marker[0]!, length: marker.length };
      previousBlank = false;
    }
    if (newline === -1) break;
    lineStart = newline + 1;
  }
  return { closed, open: text.slice(blockStart) };
}
