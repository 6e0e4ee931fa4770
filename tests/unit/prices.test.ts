import { describe, expect, it } from "vitest";
import { estimateCost, priceFor } from "@/lib/mistral/prices";

describe("estimateCost", () => {
  it("prices an alias at its canonical model's list price", () => {
    expect(priceFor("mistral-large-latest")).toEqual({ input: 0.5, output: 1.5 });
    // 1M in at $0.5 + 1M out at $1.5
    expect(
      estimateCost("mistral-large-latest", { promptTokens: 1e6, completionTokens: 1e6, totalTokens: 2e6 }),
    ).toBeCloseTo(2);
  });

  it("bills cached prompt tokens at a tenth of the input price", () => {
    const cost = estimateCost("mistral-small-2603", {
      promptTokens: 1e6,
      cachedTokens: 5e5,
      completionTokens: 0,
      totalTokens: 1e6,
    });
    expect(cost).toBeCloseTo(0.5 * 0.15 + 0.5 * 0.015);
  });

  it("gives no estimate for a model without a known price", () => {
    expect(estimateCost("my-fine-tune", { promptTokens: 1, completionTokens: 1, totalTokens: 2 })).toBeUndefined();
  });
});
