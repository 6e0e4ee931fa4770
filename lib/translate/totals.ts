import type { AnswerMetadata } from "@/lib/workspace/model";
import { addUsage, noUsage, type UsageSum } from "@/lib/mistral/usage-sum";

export type TranslationTotals = UsageSum & {
  /** The requests' durations added up: what the run would take one language after another. */
  sumOfDurationsMs: number;
};

/** Sums the usage and durations of the answers that reported them. */
export function sumTranslations(answers: readonly (AnswerMetadata | undefined)[]): TranslationTotals {
  let usage = noUsage;
  let sumOfDurationsMs = 0;
  for (const metadata of answers) {
    sumOfDurationsMs += metadata?.durationMs ?? 0;
    if (metadata?.usage) usage = addUsage(usage, metadata.usage, metadata.model);
  }
  return { ...usage, sumOfDurationsMs };
}
