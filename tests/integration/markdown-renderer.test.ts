import { describe, expect, it } from "vitest";
import { renderMarkdown, startMarkdownWorkers } from "@/lib/render/markdown-renderer";
import { renderLimits } from "@/lib/render/limits";

describe("renderMarkdown", () => {
  it("renders Markdown in a worker thread, text over the limits not at all", async () => {
    await startMarkdownWorkers();
    const parts = await renderMarkdown([
      "**bold**",
      `${"> ".repeat(100)}deep`,
      "x".repeat(renderLimits.markdownChars + 1),
    ]);
    expect(parts[0]).toMatchObject({ ok: true, tree: { type: "root" } });
    expect(JSON.stringify(parts[0])).toContain('"tagName":"strong"');
    expect(parts.slice(1)).toEqual([
      { ok: false, reason: "too_deep" },
      { ok: false, reason: "too_large" },
    ]);
  });

  it("stops a text that makes the parser crawl at the budget, keeps what finished, and goes on working", async () => {
    await startMarkdownWorkers();
    const budgetMs = 300;
    const started = performance.now();
    // Unmatched emphasis markers: parsing time grows with their square (minutes at this size).
    const parts = await renderMarkdown(["Fine *text*", "*a".repeat(20_000)], budgetMs);
    const elapsed = performance.now() - started;
    expect(parts[0]?.ok).toBe(true);
    expect(parts[1]).toEqual({ ok: false, reason: "too_slow" });
    expect(elapsed).toBeGreaterThanOrEqual(budgetMs - 5);
    expect(elapsed).toBeLessThan(budgetMs + 2_000);

    // The stuck worker was replaced.
    const after = await renderMarkdown(["# Again"]);
    expect(after[0]?.ok).toBe(true);
  });

  it("renders on a spare worker while the first one is busy", async () => {
    await startMarkdownWorkers();
    let slowDone = false;
    // Over 30 s of parsing on a quiet machine (20,000 markers take under 3 s there, and end as too_large).
    const slow = renderMarkdown(["*a".repeat(45_000)], 3_000).finally(() => (slowDone = true));
    const quick = await renderMarkdown(["# Quick"]);
    expect(quick[0]?.ok).toBe(true);
    expect(slowDone).toBe(false);
    expect((await slow)[0]).toEqual({ ok: false, reason: "too_slow" });
  });
});
