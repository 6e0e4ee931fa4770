import type { AnswerMetadata } from "@/lib/workspace/model";
import { addUsage, noUsage, type UsageSum } from "@/lib/mistral/usage-sum";

export type TranslationTotals = UsageSum & {
  /**
   * The requests' durations added up: what the run would take one language after another;
   * undefined when no answer reported one (all stopped or failed before the end).
   */
  sumOfDurationsMs: number | undefined;
};

/** Sums the usage and durations of the answers that reported them. */
export function sumTranslations(answers: readonly (AnswerMetadata | undefined)[]): TranslationTotals {
  let usage = noUsage;
  let sumOfDurationsMs: number | undefined;
  for (const metadata of answers) {
    if (metadata?.durationMs !== undefined) sumOfDurationsMs = (sumOfDurationsMs ?? 0) + metadata.durationMs;
    if (metadata?.usage) usage = addUsage(usage, metadata.usage, metadata.model);
  }
  return { ...usage, sumOfDurationsMs };
}
