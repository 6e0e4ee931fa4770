import type { Root as HastRoot, RootContent } from "hast";
import { defaultUrlTransform } from "react-markdown";
import remarkParse from "remark-parse";
import remarkRehype from "remark-rehype";
import { unified } from "unified";
import { renderLimits } from "./limits.ts";
import { rehypePlugins, remarkPlugins } from "./markdown-plugins.ts";

export type MarkdownTreeResult =
  { ok: true; tree: HastRoot } | { ok: false; reason: "too_large" | "too_deep" | "failed" };

const processor = unified()
  .use(remarkParse)
  .use(remarkPlugins)
  // As react-markdown does: raw HTML is kept as `raw` nodes, which become text below.
  .use(remarkRehype, { allowDangerousHtml: true })
  .use(rehypePlugins);

/** Deeper element trees than this overflow the stack of the renderers that walk them. */
const MAX_TREE_DEPTH = 200;

/**
 * Markdown to a hast tree, the way react-markdown renders it (raw HTML as text, unsafe URLs
 * removed), so the server can render a share's Markdown once, off the main thread, and React
 * turn the tree into elements later. Positions are dropped: nothing reads them.
 */
export function markdownToTree(text: string): MarkdownTreeResult {
  let tree: HastRoot;
  try {
    tree = processor.runSync(processor.parse(text));
  } catch (error) {
    if (error instanceof RangeError) return { ok: false, reason: "too_deep" };
    throw error;
  }
  let nodes = 0;
  const stack: { node: HastRoot | RootContent; depth: number }[] = [{ node: tree, depth: 0 }];
  for (let entry = stack.pop(); entry; entry = stack.pop()) {
    const { node, depth } = entry;
    nodes += 1;
    if (nodes > renderLimits.markdownNodes) return { ok: false, reason: "too_large" };
    if (depth > MAX_TREE_DEPTH) return { ok: false, reason: "too_deep" };
    delete node.position;
    if (node.type === "element") {
      for (const [key, value] of Object.entries(node.properties)) {
        if (URL_PROPERTIES.has(key)) node.properties[key] = defaultUrlTransform(String(value ?? ""));
      }
    }
    if ("children" in node) {
      node.children.forEach((child, index) => {
        if (child.type === "raw") node.children[index] = { type: "text", value: child.value };
        stack.push({ node: node.children[index] as RootContent, depth: depth + 1 });
      });
    }
  }
  return { ok: true, tree };
}

/** The URL attributes Markdown can produce (links and images). */
const URL_PROPERTIES = new Set(["href", "src"]);
