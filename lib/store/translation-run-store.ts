import { create } from "zustand";
import type { FailureView } from "@/lib/chat/failure";

/**
 * The demo's requests in flight. Streaming text lives in each language's Chat; how each language
 * ended lands in the translate store's results, which are kept.
 */
type TranslationRunState = {
  /** Language codes whose request is streaming now. */
  active: string[];
  /** `performance.now()` when Translate was pressed. */
  startedAt: number | null;
  /** A reason the run could not start (nothing was sent). */
  notice: FailureView | null;
};

export const useTranslationRun = create<TranslationRunState>()(() => ({ active: [], startedAt: null, notice: null }));

export const translationSelectors = {
  running: (state: TranslationRunState) => state.active.length > 0,
  isActive: (code: string) => (state: TranslationRunState) => state.active.includes(code),
};
