import { create } from "zustand";
import type { FailureView } from "@/lib/chat/failure";
import type { FinishedAnswer } from "@/lib/workspace/model";

export type TranslationOutcome = {
  status: "done" | "stopped" | "failed";
  /** What arrived, if anything (a stopped or cut answer keeps its text). */
  answer?: FinishedAnswer;
  failure?: FailureView;
};

type TranslationRunState = {
  /** Language codes of the current (or last) run, in the order they were chosen. */
  languages: string[];
  outcomes: Record<string, TranslationOutcome>;
  /** `performance.now()` when the run started and when its last request finished. */
  startedAt: number | null;
  finishedAt: number | null;
  /** A reason the run could not start (nothing was sent). */
  notice: FailureView | null;
};

const initialRun: TranslationRunState = {
  languages: [],
  outcomes: {},
  startedAt: null,
  finishedAt: null,
  notice: null,
};

/** The demo's last run. Streaming text lives in each language's Chat; finished answers land here. */
export const useTranslationRun = create<TranslationRunState>()(() => initialRun);

export const translationSelectors = {
  running: (state: TranslationRunState) => state.startedAt !== null && state.finishedAt === null,
};
