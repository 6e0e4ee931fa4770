import type { TokenUsage } from "@/lib/workspace/model";
import { estimateCost } from "./prices";

/** Token usage added up over answers, with their estimated cost. */
export type UsageSum = {
  promptTokens: number;
  completionTokens: number;
  totalTokens: number;
  /** US$ over the answers whose model has a known price. */
  cost: number;
  /** Answers whose model has no known price (or was not reported). */
  unpriced: number;
};

export const noUsage: UsageSum = { promptTokens: 0, completionTokens: 0, totalTokens: 0, cost: 0, unpriced: 0 };

/** `sum` plus one answer's usage, priced at the model that produced it. */
export function addUsage(sum: UsageSum, usage: TokenUsage, model: string | undefined): UsageSum {
  const cost = model ? estimateCost(model, usage) : undefined;
  return {
    promptTokens: sum.promptTokens + usage.promptTokens,
    completionTokens: sum.completionTokens + usage.completionTokens,
    totalTokens: sum.totalTokens + usage.totalTokens,
    cost: sum.cost + (cost ?? 0),
    unpriced: sum.unpriced + (cost === undefined ? 1 : 0),
  };
}
