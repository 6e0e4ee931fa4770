import type { PromptSnapshot } from "@/lib/workspace/model";
import { estimateCost } from "@/lib/mistral/prices";

export type TranscriptUsage = {
  /** Answers that report token usage. */
  answers: number;
  promptTokens: number;
  completionTokens: number;
  totalTokens: number;
  /** US$ over the answers with a known price. */
  cost: number;
  unpricedAnswers: number;
};

/** What the answers of a transcript used and cost, each priced at the model that produced it. */
export function transcriptUsage(snapshot: PromptSnapshot): TranscriptUsage {
  const total: TranscriptUsage = {
    answers: 0,
    promptTokens: 0,
    completionTokens: 0,
    totalTokens: 0,
    cost: 0,
    unpricedAnswers: 0,
  };
  for (const message of snapshot.messages) {
    if (message.role !== "assistant" || !message.metadata?.usage) continue;
    const { usage, model = snapshot.parameters.model } = message.metadata;
    const cost = estimateCost(model, usage);
    total.answers += 1;
    total.promptTokens += usage.promptTokens;
    total.completionTokens += usage.completionTokens;
    total.totalTokens += usage.totalTokens;
    if (cost === undefined) total.unpricedAnswers += 1;
    else total.cost += cost;
  }
  return total;
}
