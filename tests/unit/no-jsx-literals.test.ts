import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

/**
 * Every word the UI shows comes from the catalogues (lib/i18n), so a literal in JSX is a string
 * that no translation reaches: JSX text with letters in it, or a user-facing attribute written
 * as a string. Symbols (·, →, ≈, /) and names that are no words of any language (JSON) may stay.
 */

const ROOT = path.resolve(__dirname, "../..");
const USER_FACING = new Set([
  "aria-label",
  "aria-description",
  "aria-roledescription",
  "title",
  "placeholder",
  "alt",
  "label",
]);
const ALLOWED = new Set(["JSON", "Markdown", "curl", "Mistral", "URL", "CSV", "JSONL", "p95", "id", "https"]);

function tsxFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return tsxFiles(full);
    return entry.name.endsWith(".tsx") ? [full] : [];
  });
}

/** Words in a piece of text that a reader would need translated. */
function words(text: string): string[] {
  return (text.match(/\p{L}[\p{L}'’-]*/gu) ?? []).filter((word) => !ALLOWED.has(word));
}

export function literalsIn(source: string, fileName = "file.tsx"): string[] {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node) && words(node.text).length > 0) found.push(node.text.trim());
    if (ts.isJsxAttribute(node) && USER_FACING.has(node.name.getText(file)) && node.initializer) {
      const value = node.initializer;
      const literal = ts.isStringLiteral(value)
        ? value
        : ts.isJsxExpression(value) && value.expression && ts.isStringLiteralLike(value.expression)
          ? value.expression
          : undefined;
      if (literal && words(literal.text).length > 0) found.push(`${node.name.getText(file)}="${literal.text}"`);
    }
    if (ts.isJsxExpression(node) && node.expression && ts.isStringLiteralLike(node.expression)) {
      const parent = node.parent;
      if ((ts.isJsxElement(parent) || ts.isJsxFragment(parent)) && words(node.expression.text).length > 0)
        found.push(node.expression.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

describe("JSX literals", () => {
  it("catches text, string children and user-facing attributes, not symbols or class names", () => {
    const source = `<p title="Hello" className="text-sm">Run it{" now"} · {"→"}<b aria-label={"Close"}>JSON</b></p>`;
    expect(literalsIn(source)).toEqual(['title="Hello"', "Run it", " now", 'aria-label="Close"']);
  });

  it("finds none in the app's pages and components", () => {
    const offenders = ["app", "components"]
      .flatMap((dir) => tsxFiles(path.join(ROOT, dir)))
      .flatMap((file) =>
        literalsIn(readFileSync(file, "utf8"), file).map((text) => `${path.relative(ROOT, file)}: ${text}`),
      );
    expect(offenders).toEqual([]);
  });
});
