import { create } from "zustand";
import type { FailureView } from "@/lib/chat/failure";
import type { RetryNotice } from "@/lib/chat/ui-message";

type RunNoticeState = {
  /** A failure found before sending (bad input, no key): shown like a failed run. */
  notice: FailureView | null;
  /** What the last run did, so that Retry does it again. */
  lastRun: "run" | "regenerate";
  /** The run in flight waits to try Mistral again: since when (epoch ms), and what the server said. */
  retry: (RetryNotice & { at: number }) | null;
};

export const useRunNotice = create<RunNoticeState>()(() => ({ notice: null, lastRun: "run", retry: null }));
