import { create } from "zustand";
import type { FailureView } from "@/lib/chat/failure";

type RunNoticeState = {
  /** A failure found before sending (bad input, no key): shown like a failed run. */
  notice: FailureView | null;
  /** What the last run did, so that Retry does it again. */
  lastRun: "run" | "regenerate";
};

export const useRunNotice = create<RunNoticeState>()(() => ({ notice: null, lastRun: "run" }));
