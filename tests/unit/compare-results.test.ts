import { describe, expect, it } from "vitest";
import {
  passRateLabel,
  quantile,
  resultsToCsv,
  summarizeVariant,
  tokensPerSecond,
  type CaseResult,
} from "@/lib/compare/results";

function done(durationMs: number, pass?: boolean, model = "mistral-small-latest"): CaseResult {
  return {
    status: "done",
    content: "ok",
    metadata: {
      model,
      durationMs,
      usage: { promptTokens: 1_000_000, completionTokens: 1_000_000, totalTokens: 2_000_000 },
    },
    ...(pass === undefined ? {} : { verdict: { pass, reason: pass ? "yes" : "no" } }),
  };
}

describe("results of a variant", () => {
  it("pass rate over the checked answers, tokens, cost, median and p95 latency", () => {
    const summary = summarizeVariant([
      done(100, true),
      done(300, false),
      done(200, true),
      done(400, true),
      { status: "skipped", content: "", error: "Missing {text}" },
      undefined,
    ]);
    expect(passRateLabel(summary)).toBe("3/4 · 75%");
    expect(summary.totalTokens).toBe(8_000_000);
    // mistral-small-latest: $0.15 in + $0.60 out per million tokens, four answers.
    expect(summary.cost).toBeCloseTo(4 * 0.75);
    expect(summary.medianLatencyMs).toBe(200);
    expect(summary.p95LatencyMs).toBe(400);
  });

  it("counts answers from unpriced models apart and has no pass rate when nothing was checked", () => {
    const summary = summarizeVariant([done(100, undefined, "my-fine-tune")]);
    expect(summary.unpriced).toBe(1);
    expect(summary.cost).toBe(0);
    expect(passRateLabel(summary)).toBeNull();
  });

  it("quantiles by nearest rank", () => {
    const latencies = Array.from({ length: 20 }, (_, i) => (i + 1) * 10);
    expect(quantile(latencies, 0.5)).toBe(100);
    expect(quantile(latencies, 0.95)).toBe(190);
    expect(quantile([], 0.5)).toBeUndefined();
  });

  it("tokens per second from the first token to the end", () => {
    expect(tokensPerSecond({ usage: { completionTokens: 50 }, timeToFirstTokenMs: 500, durationMs: 1500 })).toBe(50);
    expect(tokensPerSecond({ durationMs: 1500 })).toBeUndefined();
    // An answer that came in one read: no rate rather than thousands of tokens a second.
    expect(
      tokensPerSecond({ usage: { completionTokens: 4 }, timeToFirstTokenMs: 300, durationMs: 300.2 }),
    ).toBeUndefined();
    expect(tokensPerSecond({ usage: { completionTokens: 10 }, timeToFirstTokenMs: 300, durationMs: 400 })).toBe(100);
  });

  it("exports one CSV row per case and variant", () => {
    const csv = resultsToCsv({
      cases: [{ id: "c1", values: { city: "Paris" }, expected: "Paris" }],
      variables: ["city"],
      variants: [
        { id: "v1", name: "Variant 1" },
        { id: "v2", name: "Variant 2" },
      ],
      results: { c1: { v1: done(120, true) } },
    });
    const lines = csv.trim().split(/\r?\n/);
    expect(lines[0]).toBe(
      "case,city,expected,variant,status,pass,reason,answer,prompt_tokens,completion_tokens,latency_ms,judge_pass,judge_reason,judge_prompt_tokens,judge_completion_tokens",
    );
    expect(lines[1]).toBe("1,Paris,Paris,Variant 1,done,true,yes,ok,1000000,1000000,120,,,,");
    expect(lines[2]).toBe("1,Paris,Paris,Variant 2,missing,,,,,,,,,,");
  });
});
