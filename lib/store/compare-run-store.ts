import { create } from "zustand";
import type { FailureView } from "@/lib/chat/failure";

type CompareRunState = {
  /** Variant ids of the current Run (each streams in its own Chat). */
  running: string[];
  /**
   * The case run in progress: requests finished of all it will send, and until when (epoch ms)
   * the last rate-limited request waits before trying again.
   */
  cases: { done: number; total: number; retryAt?: number } | null;
  /** A reason a run could not start (nothing was sent). */
  notice: FailureView | null;
};

/** What the Compare page has in flight. Finished answers and results are in the compare store. */
export const useCompareRun = create<CompareRunState>()(() => ({ running: [], cases: null, notice: null }));

export const compareRunSelectors = {
  busy: (state: CompareRunState) => state.running.length > 0 || state.cases !== null,
};
