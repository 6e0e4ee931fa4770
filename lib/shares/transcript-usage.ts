import type { PromptSnapshot } from "@/lib/workspace/model";
import { addUsage, noUsage, type UsageSum } from "@/lib/mistral/usage-sum";

export type TranscriptUsage = UsageSum & {
  /** Answers that report token usage. */
  answers: number;
};

/** What the answers of a transcript used and cost, each priced at the model that produced it. */
export function transcriptUsage(snapshot: PromptSnapshot): TranscriptUsage {
  let usage = noUsage;
  let answers = 0;
  for (const message of snapshot.messages) {
    if (message.role !== "assistant" || !message.metadata?.usage) continue;
    const { model = snapshot.parameters.model } = message.metadata;
    usage = addUsage(usage, message.metadata.usage, model);
    answers += 1;
  }
  return { ...usage, answers };
}
