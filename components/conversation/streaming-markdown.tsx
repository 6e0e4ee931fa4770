"use client";

import { splitStreamedMarkdown } from "@/lib/markdown/streamed-blocks";
import { MarkdownBlocks } from "./markdown";

/**
 * Markdown that is still arriving: finished blocks are parsed and highlighted once (memoised by
 * their text), and only the last, growing block is parsed again, without highlighting.
 */
export function StreamingMarkdown({ text }: { text: string }) {
  const { closed, open } = splitStreamedMarkdown(text);
  return (
    <div className="markdown text-sm leading-relaxed">
      {closed.map((block, index) => (
        <MarkdownBlocks key={index} text={block} />
      ))}
      <MarkdownBlocks key={closed.length} text={open} highlight={false} />
    </div>
  );
}
