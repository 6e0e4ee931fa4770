import type { Root } from "hast";
import rehypeHighlight from "rehype-highlight";
import remarkGfm from "remark-gfm";
import type { PluggableList } from "unified";
import { visit } from "unist-util-visit";
import { renderLimits } from "./limits.ts";

/**
 * Highlighting a block costs time in proportion to its length, and auto-detection tries every
 * language in turn: a 900 KB block took a minute. Long blocks stay plain, and only short ones
 * without a language are guessed at.
 */
function rehypeHighlightLimits() {
  return (tree: Root) => {
    visit(tree, "element", (node, _index, parent) => {
      if (node.tagName !== "code" || parent?.type !== "element" || parent.tagName !== "pre") return;
      const classes = Array.isArray(node.properties.className) ? node.properties.className.map(String) : [];
      const named = classes.some((name) => name.startsWith("language-") || name.startsWith("lang-"));
      const length = node.children.reduce((sum, child) => sum + (child.type === "text" ? child.value.length : 0), 0);
      if (length > renderLimits.highlightChars || (!named && length > renderLimits.detectChars)) {
        node.properties.className = [...classes, "no-highlight"];
      }
    });
  };
}

/** The plugins of every Markdown view: GitHub-flavoured Markdown, highlighted code within limits. */
export const remarkPlugins: PluggableList = [remarkGfm];
export const rehypePlugins: PluggableList = [rehypeHighlightLimits, [rehypeHighlight, { detect: true }]];
