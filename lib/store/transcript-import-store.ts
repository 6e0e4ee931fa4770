import { create } from "zustand";
import type { PromptSnapshot } from "@/lib/workspace/model";
import { latestVersion, sameSnapshot } from "@/lib/prompts/library";
import { usePrompts } from "./prompts-store";
import { useSession } from "./session-store";
import { snapshotOf } from "@/lib/workspace/snapshot";
import { useWorkspace, type WorkspaceState } from "./workspace-store";

/**
 * A transcript on its way into the workspace (`lib/run/transcript-import.ts` brings it): it
 * replaces the workspace in one step, after asking when that would throw away work. Not persisted.
 */

export type IncomingTranscript = {
  title: string;
  snapshot: PromptSnapshot;
  /** Runs once the snapshot is in the workspace, not when the user keeps their work. */
  onLoaded?: () => void;
};

type TranscriptImportState = {
  /** Waiting for the user to say whether it may replace their work. */
  pending: IncomingTranscript | null;
  /** Why the last attempt failed, in a sentence for the user. */
  error: string | null;
};

type TranscriptImportActions = {
  /** Opens the transcript now when nothing would be lost, otherwise asks first. */
  replaceOrAsk: (incoming: IncomingTranscript) => void;
  confirm: () => void;
  cancel: () => void;
  fail: (message: string) => void;
  dismissError: () => void;
};

export const useTranscriptImport = create<TranscriptImportState & TranscriptImportActions>()((set, get) => ({
  pending: null,
  error: null,

  replaceOrAsk: (incoming) => {
    const workspace = useWorkspace.getState();
    if (hasUnsavedWork(workspace) && !holds(workspace, incoming.snapshot) && !isSaved(workspace)) {
      set({ pending: incoming, error: null });
      return;
    }
    set({ pending: null, error: null });
    load(incoming);
  },

  confirm: () => {
    const { pending } = get();
    set({ pending: null });
    if (pending) load(pending);
  },
  cancel: () => set({ pending: null }),
  fail: (message) => set({ error: message, pending: null }),
  dismissError: () => set({ error: null }),
}));

/** Text the user wrote that a replacement would lose. Parameters alone are not worth a question. */
export function hasUnsavedWork(state: WorkspaceState): boolean {
  return state.messages.length > 0 || state.system.trim() !== "" || state.composer.trim() !== "";
}

/** Whether the workspace already is this snapshot, as when one link is opened twice. */
function holds(state: WorkspaceState, snapshot: PromptSnapshot): boolean {
  return state.composer.trim() === "" && JSON.stringify(snapshotOf(state)) === JSON.stringify(snapshot);
}

/** Whether the workspace is, word for word, the latest version of the saved prompt it came from. */
function isSaved(state: WorkspaceState): boolean {
  const { prompts, activeId } = usePrompts.getState();
  const active = prompts.find((prompt) => prompt.id === activeId);
  return (
    active !== undefined &&
    state.composer.trim() === "" &&
    sameSnapshot(latestVersion(active).snapshot, snapshotOf(state))
  );
}

function load({ snapshot, onLoaded }: IncomingTranscript) {
  useWorkspace.getState().loadSnapshot(snapshot);
  // The selected answer belonged to the conversation that was replaced.
  useSession.getState().selectAnswer(null);
  onLoaded?.();
}
