import { create } from "zustand";
import type { AnswerMetadata } from "@/lib/workspace/model";
import { estimateCost } from "@/lib/mistral/prices";

/** Runs of this browser tab: what the token usage panel sums. Not persisted. */
export type SessionTotals = {
  runs: number;
  promptTokens: number;
  completionTokens: number;
  totalTokens: number;
  /** US$; runs on models without a known price are counted in `unpricedRuns`. */
  cost: number;
  unpricedRuns: number;
};

type SessionState = {
  totals: SessionTotals;
  /** The answer the usage panel shows; the last answer when null. */
  selectedAnswerId: string | null;
  recordRun: (metadata: AnswerMetadata | undefined) => void;
  selectAnswer: (id: string | null) => void;
};

export const emptyTotals: SessionTotals = {
  runs: 0,
  promptTokens: 0,
  completionTokens: 0,
  totalTokens: 0,
  cost: 0,
  unpricedRuns: 0,
};

export const useSession = create<SessionState>()((set) => ({
  totals: emptyTotals,
  selectedAnswerId: null,
  recordRun: (metadata) =>
    set(({ totals }) => {
      const usage = metadata?.usage;
      if (!usage) return { totals: { ...totals, runs: totals.runs + 1 } };
      const cost = metadata.model ? estimateCost(metadata.model, usage) : undefined;
      return {
        totals: {
          runs: totals.runs + 1,
          promptTokens: totals.promptTokens + usage.promptTokens,
          completionTokens: totals.completionTokens + usage.completionTokens,
          totalTokens: totals.totalTokens + usage.totalTokens,
          cost: totals.cost + (cost ?? 0),
          unpricedRuns: totals.unpricedRuns + (cost === undefined ? 1 : 0),
        },
      };
    }),
  selectAnswer: (selectedAnswerId) => set({ selectedAnswerId }),
}));
