import type { Root } from "hast";
import { toJsxRuntime } from "hast-util-to-jsx-runtime";
import { Children, isValidElement, memo, type ReactNode } from "react";
import { Fragment, jsx, jsxs } from "react/jsx-runtime";
import ReactMarkdown, { type Components } from "react-markdown";
import { CopyButton } from "@/components/ui/copy-button";
import { cn } from "@/lib/cn";
import { useTranslations } from "next-intl";
import { checkMarkdown } from "@/lib/render/markdown-limits";
import { rehypePlugins, remarkPlugins } from "@/lib/render/markdown-plugins";
import { PlainTextNote } from "./plain-text-note";

function textOf(node: ReactNode): string {
  return Children.toArray(node)
    .map((child) => {
      if (typeof child === "string" || typeof child === "number") return String(child);
      if (isValidElement<{ children?: ReactNode }>(child)) return textOf(child.props.children);
      return "";
    })
    .join("");
}

const scrollArea =
  "overflow-x-auto focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent";

function CodeBlock({ children }: { children?: ReactNode }) {
  const t = useTranslations();
  return (
    <div className="group relative">
      <pre
        role="region"
        aria-label={t("message.codeBlock")}
        tabIndex={0}
        className={cn("rounded-md bg-surface-2 p-3 text-[13px] leading-snug", scrollArea)}
      >
        {children}
      </pre>
      <CopyButton
        text={textOf(children)}
        label={t("message.copyCode")}
        className="absolute top-1.5 right-1.5 opacity-0 group-hover:opacity-100 focus:opacity-100"
      />
    </div>
  );
}

function ScrollingTable({ children }: { children?: ReactNode }) {
  const t = useTranslations();
  return (
    <div role="region" aria-label={t("message.table")} tabIndex={0} className={cn("max-w-full", scrollArea)}>
      <table>{children}</table>
    </div>
  );
}

const components: Components = {
  // Code and tables scroll inside their message, never widening the page; a region that
  // scrolls takes the focus, so the keyboard can scroll it too.
  pre: ({ children }) => <CodeBlock>{children}</CodeBlock>,
  table: ({ children }) => <ScrollingTable>{children}</ScrollingTable>,
  a: ({ children, href }) => (
    <a href={href} target="_blank" rel="noopener noreferrer nofollow" className="text-accent underline">
      {children}
    </a>
  ),
};

// Highlighting (within the limits of lib/render/markdown-plugins.ts) runs once per block, since
// a rendered block is memoised and the streaming answer highlights only blocks that are closed.

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
      rehypePlugins={highlight ? rehypePlugins : undefined}
      components={components}
    >
      {text}
    </ReactMarkdown>
  );
});

/**
 * Assistant text as GitHub-flavoured Markdown. Raw HTML is shown as text, never rendered. Text
 * over the render limits (lib/render/limits.ts) is shown as written, with a note.
 */
export function Markdown({ text }: { text: string }) {
  const check = checkMarkdown(text);
  if (!check.ok) return <PlainMarkdown text={text} reason={check.reason} />;
  return (
    <div className="markdown text-sm leading-relaxed">
      <MarkdownBlocks text={text} />
    </div>
  );
}

/**
 * Markdown the server rendered to a tree ahead of time (lib/render/markdown-pipeline.ts), as the
 * read-only share page shows it: the same elements as `Markdown`, and only the copy buttons of
 * code blocks hydrate.
 */
export function MarkdownTree({ tree }: { tree: Root }) {
  return (
    <div className="markdown text-sm leading-relaxed">
      {toJsxRuntime(tree, {
        Fragment,
        jsx,
        jsxs,
        components,
        ignoreInvalidStyle: true,
        passKeys: true,
        passNode: true,
      })}
    </div>
  );
}

/** Text shown as written, keeping its line breaks, and why it is not formatted. */
export function PlainMarkdown({
  text,
  reason,
}: {
  text: string;
  reason: Parameters<typeof PlainTextNote>[0]["reason"];
}) {
  return (
    <div>
      <p className="text-sm leading-relaxed wrap-anywhere whitespace-pre-wrap">{text}</p>
      <PlainTextNote reason={reason} />
    </div>
  );
}
