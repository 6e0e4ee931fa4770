import type { AnswerMetadata } from "@/lib/workspace/model";
import { estimateCost } from "@/lib/mistral/prices";

export type TranslationTotals = {
  promptTokens: number;
  completionTokens: number;
  totalTokens: number;
  /** US$ over the answers whose model has a known price. */
  cost: number;
  unpriced: number;
  /** The requests' durations added up: what the run would take one language after another. */
  sumOfDurationsMs: number;
};

/** Sums the usage and durations of the answers that reported them. */
export function sumTranslations(answers: readonly (AnswerMetadata | undefined)[]): TranslationTotals {
  const totals: TranslationTotals = {
    promptTokens: 0,
    completionTokens: 0,
    totalTokens: 0,
    cost: 0,
    unpriced: 0,
    sumOfDurationsMs: 0,
  };
  for (const metadata of answers) {
    totals.sumOfDurationsMs += metadata?.durationMs ?? 0;
    const usage = metadata?.usage;
    if (!usage) continue;
    totals.promptTokens += usage.promptTokens;
    totals.completionTokens += usage.completionTokens;
    totals.totalTokens += usage.totalTokens;
    const cost = metadata.model ? estimateCost(metadata.model, usage) : undefined;
    if (cost === undefined) totals.unpriced += 1;
    else totals.cost += cost;
  }
  return totals;
}
