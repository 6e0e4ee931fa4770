import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { renderPrompt, renderTemplatePrefix } from "@/lib/chat/template";
import { defaultParameters, type PromptSnapshot } from "@/lib/workspace/model";
import { toMarkdown } from "@/lib/export/transcript-markdown";
import { renderLimits } from "@/lib/render/limits";
import { checkMarkdown, markdownNestingDepth } from "@/lib/render/markdown-limits";
import { markdownToTree } from "@/lib/render/markdown-pipeline";
import { prettyJson } from "@/lib/render/pretty-json";
import { defaultShareTitle } from "@/lib/shares/share";

const nested = (depth: number) => `${"[".repeat(depth)}1${"]".repeat(depth)}`;

describe("prettyJson", () => {
  it("indents JSON that stays within the limits", () => {
    expect(prettyJson('{"city":"Paris","days":[1,2]}')).toEqual({
      ok: true,
      text: '{\n  "city": "Paris",\n  "days": [\n    1,\n    2\n  ]\n}',
    });
    expect(prettyJson("not json")).toEqual({ ok: false, reason: "not_json" });
  });

  it("refuses nesting past the limit before parsing, however deep", () => {
    expect(prettyJson(nested(renderLimits.jsonDepth)).ok).toBe(true);
    expect(prettyJson(nested(renderLimits.jsonDepth + 1))).toEqual({ ok: false, reason: "too_deep" });
    const started = performance.now();
    expect(prettyJson(nested(50_000))).toEqual({ ok: false, reason: "too_deep" });
    expect(performance.now() - started).toBeLessThan(500);
  });

  it("refuses what would indent past the size limit, though the text itself is small", () => {
    // 30 levels and 8,000 members: 16 KB of text, about 500 KB indented.
    const wide = `${"[".repeat(30)}${Array(8000).fill("1").join(",")}${"]".repeat(30)}`;
    expect(wide.length).toBeLessThan(20_000);
    expect(prettyJson(wide)).toEqual({ ok: false, reason: "too_large" });
    expect(prettyJson(wide, { maxLength: 1_000_000 }).ok).toBe(true);
  });

  it("never returns more than the limit, and otherwise exactly what JSON.stringify indents", () => {
    fc.assert(
      fc.property(fc.json({ depthSize: "large" }), (text) => {
        const result = prettyJson(text, { maxDepth: 8, maxLength: 2_000 });
        if (!result.ok) return;
        expect(result.text.length).toBeLessThanOrEqual(2_000);
        expect(result.text).toBe(JSON.stringify(JSON.parse(text), null, 2));
      }),
      { numRuns: 300 },
    );
  });
});

describe("Markdown limits", () => {
  it("measures blockquote and list nesting from the line starts", () => {
    expect(markdownNestingDepth("Hello *world*\n\n- a\n- b")).toBe(1);
    expect(markdownNestingDepth("- a\n  - b\n    - c")).toBe(3);
    expect(markdownNestingDepth("> > - 1. deep")).toBe(4);
    expect(markdownNestingDepth(`${">".repeat(10_000)} quote`)).toBe(10_000);
    // Indented code inside a fence is not nesting.
    expect(markdownNestingDepth(`\`\`\`\n${" ".repeat(200)}x\n\`\`\`\nafter`)).toBe(0);
  });

  it("sends deep or long text to plain text", () => {
    expect(checkMarkdown("# Title\n\nText")).toEqual({ ok: true });
    expect(checkMarkdown(`${"> ".repeat(renderLimits.markdownDepth + 1)}x`)).toEqual({ ok: false, reason: "too_deep" });
    const lists = Array.from({ length: 1000 }, (_, level) => `${"  ".repeat(level)}- item`).join("\n");
    expect(checkMarkdown(lists.slice(0, renderLimits.markdownChars))).toEqual({ ok: false, reason: "too_deep" });
    expect(checkMarkdown("a".repeat(renderLimits.markdownChars + 1))).toEqual({ ok: false, reason: "too_large" });
  });
});

describe("markdownToTree", () => {
  const html = (text: string) => {
    const result = markdownToTree(text);
    if (!result.ok) throw new Error(result.reason);
    return JSON.stringify(result.tree);
  };

  it("renders raw HTML as text and drops unsafe link targets, as react-markdown does", () => {
    const tree = html("<script>alert(1)</script>\n\n[x](javascript:alert(1)) [y](https://mistral.ai)");
    expect(tree).not.toContain('"tagName":"script"');
    expect(tree).toContain("<script>alert(1)</script>");
    expect(tree).not.toContain("javascript:");
    expect(tree).toContain("https://mistral.ai");
  });

  it("highlights short code, guesses only short blocks' language and leaves long blocks plain", () => {
    expect(html("```js\nconst a = 1;\n```")).toContain("hljs-keyword");
    expect(html("```\nconst a = 1;\n```")).toContain("hljs");
    const unnamed = `\`\`\`\n${"const a = 1;\n".repeat(renderLimits.detectChars / 10)}\`\`\``;
    expect(html(unnamed)).toContain("no-highlight");
    expect(html(unnamed)).not.toContain("hljs-keyword");
    const long = `\`\`\`js\n${"const a = 1;\n".repeat(renderLimits.highlightChars / 10)}\`\`\``;
    expect(html(long)).not.toContain("hljs-keyword");
  });

  it("gives up on trees with more nodes than the limit", () => {
    // 40 columns by 200 rows: 8,000 cells, each an element, its text and the line breaks between.
    const row = `|${" c |".repeat(40)}\n`;
    const table = `|${" h |".repeat(40)}\n|${" - |".repeat(40)}\n${row.repeat(200)}`;
    expect(markdownToTree(table)).toEqual({ ok: false, reason: "too_large" });
  });
});

describe("filled-in templates", () => {
  const bomb: PromptSnapshot = {
    system: "",
    messages: [{ id: "u1", role: "user", content: "{a}".repeat(100_000) }],
    parameters: defaultParameters,
    variables: { a: "x".repeat(100_000) },
  };

  it("renders only the start of a template that would fill in to gigabytes", () => {
    const prefix = renderTemplatePrefix(bomb.messages[0]?.content ?? "", bomb.variables, 50);
    expect(prefix).toEqual({ ok: true, value: "x".repeat(50) });
    expect(defaultShareTitle(bomb)).toBe(`${"x".repeat(79)}…`);
  });

  it("refuses to fill in a prompt past maxLength, saying how long it would be", () => {
    const rendered = renderPrompt(bomb, bomb.variables, { allowMissing: true, maxLength: 1_000_000 });
    expect(rendered).toEqual({
      ok: false,
      error: { code: "too_long", message: "Filled in, the prompt would be 10000000000 characters long." },
    });
    const small = { ...bomb, variables: { a: "x" } };
    expect(renderPrompt(small, small.variables, { maxLength: 1_000_000 }).ok).toBe(true);
  });
});

describe("Markdown export of hostile transcripts", () => {
  it("keeps deeply nested tool arguments as written and survives texts full of backticks", () => {
    const args = nested(5_000);
    const text = toMarkdown({
      title: "t",
      snapshot: {
        system: "",
        messages: [
          {
            id: "a1",
            role: "assistant",
            content: "`a".repeat(300_000),
            toolCalls: [{ id: "abcdefghi", name: "f", arguments: args }],
          },
        ],
        parameters: defaultParameters,
        variables: {},
      },
    });
    expect(text).toContain(`\`\`\`\n${args}\n\`\`\``);
    expect(text.length).toBeLessThan(700_000);
  });
});
