import { create } from "zustand";
import type { SavedSnapshot } from "@/lib/workspace/model";

/**
 * Replacing the workspace after asking: a prompt from a file, a share, a preset, a saved prompt
 * or a Compare variant waits here while the user says whether it may replace their work
 * (`lib/run/workspace-replacement.ts` does the replacing). Plain data only; not persisted.
 */

export type Replacement = {
  /** What the question calls it. */
  title: string;
  /** With a composer when it comes from a saved prompt. */
  snapshot: SavedSnapshot;
  /**
   * Which saved prompt the workspace is once replaced: its id, `null` for none (a preset), or
   * absent to leave it as it is (a file, a share, a variant).
   */
  activePrompt?: string | null;
};

type WorkspaceReplacementState = {
  /** Waiting for the user to say whether it may replace their work. */
  question: Replacement | null;
  /** Why the last attempt failed, in a sentence for the user. */
  error: string | null;
};

type WorkspaceReplacementActions = {
  ask: (replacement: Replacement) => void;
  /** The question was answered (either way) or made moot. */
  settle: () => void;
  fail: (message: string) => void;
  dismissError: () => void;
};

export const useWorkspaceReplacement = create<WorkspaceReplacementState & WorkspaceReplacementActions>()((set) => ({
  question: null,
  error: null,
  ask: (question) => set({ question, error: null }),
  settle: () => set({ question: null }),
  fail: (error) => set({ error, question: null }),
  dismissError: () => set({ error: null }),
}));

export const replacementSelectors = {
  asking: (state: WorkspaceReplacementState) => state.question !== null,
};
