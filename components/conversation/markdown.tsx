import { Children, isValidElement, memo, type ReactNode } from "react";
import ReactMarkdown, { type Components } from "react-markdown";
import rehypeHighlight from "rehype-highlight";
import remarkGfm from "remark-gfm";
import { CopyButton } from "@/components/ui/copy-button";
import { messages as t } from "@/lib/i18n";

function textOf(node: ReactNode): string {
  return Children.toArray(node)
    .map((child) => {
      if (typeof child === "string" || typeof child === "number") return String(child);
      if (isValidElement<{ children?: ReactNode }>(child)) return textOf(child.props.children);
      return "";
    })
    .join("");
}

const components: Components = {
  pre: ({ children }) => (
    <div className="group relative">
      <pre className="overflow-x-auto rounded-md bg-surface-2 p-3 text-[13px] leading-snug">{children}</pre>
      <CopyButton
        text={textOf(children)}
        label={t.message.copyCode}
        className="absolute top-1.5 right-1.5 opacity-0 group-hover:opacity-100 focus:opacity-100"
      />
    </div>
  ),
  a: ({ children, href }) => (
    <a href={href} target="_blank" rel="noopener noreferrer nofollow" className="text-accent underline">
      {children}
    </a>
  ),
};

const remarkPlugins = [remarkGfm];
// Highlighting guesses the language of blocks that name none; that runs once per block, since
// a rendered block is memoised and the streaming answer highlights only blocks that are closed.
const highlighted = [[rehypeHighlight, { detect: true }]] satisfies Parameters<
  typeof ReactMarkdown
>[0]["rehypePlugins"];

/**
 * Markdown blocks without a wrapper, parsed again only when their text changes. `highlight`
 * off leaves code as plain text: for a block that is still growing.
 */
export const MarkdownBlocks = memo(function MarkdownBlocks({
  text,
  highlight = true,
}: {
  text: string;
  highlight?: boolean;
}) {
  return (
    <ReactMarkdown
      remarkPlugins={remarkPlugins}
      rehypePlugins={highlight ? highlighted : undefined}
      components={components}
    >
      {text}
    </ReactMarkdown>
  );
});

/**
 * Assistant text as GitHub-flavoured Markdown. Raw HTML is shown as text, never rendered. No
 * "use client": the read-only share page renders it on the server, and only the copy buttons
 * of code blocks hydrate.
 */
export function Markdown({ text }: { text: string }) {
  return (
    <div className="markdown text-sm leading-relaxed">
      <MarkdownBlocks text={text} />
    </div>
  );
}
