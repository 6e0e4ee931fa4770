/**
 * What the server renders of a share (and the playground of an answer) at most. A share is
 * input from anyone: past these limits a part is shown as plain text with a note, so no share
 * can make a page slow, huge or crash. The README lists them.
 */
export const renderLimits = {
  /** Markdown longer than this (UTF-16 units) is shown as plain text. */
  markdownChars: 100_000,
  /** Blockquotes and lists nested deeper than this: the message is shown as plain text. */
  markdownDepth: 32,
  /** Code blocks longer than this are shown without highlighting. */
  highlightChars: 32_000,
  /** Code blocks without a language are auto-detected only up to this length. */
  detectChars: 2_000,
  /** Elements and text nodes one message may render to; beyond, plain text. */
  markdownNodes: 20_000,
  /** Time the share's Markdown may take to render, all messages together (off the request path). */
  shareRenderMs: 2_000,
  /** JSON (tool-call arguments, tool results, schemas) nested deeper than this is shown as written. */
  jsonDepth: 32,
  /** Pretty-printed JSON longer than this is shown as written. */
  prettyJsonChars: 200_000,
  /** The texts of a prompt with their variables filled in, all together; beyond, the templates are shown. */
  renderedPromptChars: 2_000_000,
} as const;
