import { describe, expect, it } from "vitest";
import { splitStreamedMarkdown } from "@/lib/markdown/streamed-blocks";

describe("splitStreamedMarkdown", () => {
  it("closes a block at a blank line once the next block has begun", () => {
    expect(splitStreamedMarkdown("One.\n\n")).toEqual({ closed: [], open: "One.\n\n" });
    expect(splitStreamedMarkdown("One.\n\nTw")).toEqual({ closed: ["One.\n\n"], open: "Tw" });
    expect(splitStreamedMarkdown("# Title\n\nOne.\n\n- a\n- b")).toEqual({
      closed: ["# Title\n\n", "One.\n\n"],
      open: "- a\n- b",
    });
  });

  it("keeps fenced code whole, blank lines included, until its closing fence", () => {
    const code = "```js\nconst a = 1;\n\nconst b = 2;\n";
    expect(splitStreamedMarkdown(`Intro.\n\n${code}`)).toEqual({ closed: ["Intro.\n\n"], open: code });
    const closedFence = `${code}\`\`\`\n\nAfter.`;
    expect(splitStreamedMarkdown(closedFence)).toEqual({ closed: [`${code}\`\`\`\n\n`], open: "After." });
    // A shorter or different fence does not close it.
    expect(splitStreamedMarkdown("````\n```\n\nstill code").closed).toEqual([]);
    expect(splitStreamedMarkdown("~~~\n```\n\nstill code").closed).toEqual([]);
  });

  it("keeps an indented continuation with its list item", () => {
    expect(splitStreamedMarkdown("1. First\n\n   more of it\n\n    - nested")).toEqual({
      closed: [],
      open: "1. First\n\n   more of it\n\n    - nested",
    });
  });

  it("gives back the text exactly, cut where the blocks begin", () => {
    const text = "A\n\n\nB\n\n```\nx\n```\n\nC";
    const { closed, open } = splitStreamedMarkdown(text);
    expect(closed.join("") + open).toBe(text);
    expect(closed).toHaveLength(3);
  });
});
