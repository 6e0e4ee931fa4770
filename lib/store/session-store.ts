import { create } from "zustand";
import type { AnswerMetadata } from "@/lib/workspace/model";
import { addUsage, noUsage, type UsageSum } from "@/lib/mistral/usage-sum";

/** Runs of this browser tab: what the token usage panel sums. Not persisted. */
export type SessionTotals = UsageSum & { runs: number };

type SessionState = {
  totals: SessionTotals;
  /** The answer the usage panel shows; the last answer when null. */
  selectedAnswerId: string | null;
  recordRun: (metadata: AnswerMetadata | undefined) => void;
  selectAnswer: (id: string | null) => void;
};

export const emptyTotals: SessionTotals = { ...noUsage, runs: 0 };

export const useSession = create<SessionState>()((set) => ({
  totals: emptyTotals,
  selectedAnswerId: null,
  recordRun: (metadata) =>
    set(({ totals }) => {
      const runs = totals.runs + 1;
      if (!metadata?.usage) return { totals: { ...totals, runs } };
      return { totals: { ...addUsage(totals, metadata.usage, metadata.model), runs } };
    }),
  selectAnswer: (selectedAnswerId) => set({ selectedAnswerId }),
}));
