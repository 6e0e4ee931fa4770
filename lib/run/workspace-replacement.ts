import { messages as t } from "@/lib/i18n";
import { latestVersion, sameSnapshot } from "@/lib/prompts/library";
import { usePrompts } from "@/lib/store/prompts-store";
import { useSession } from "@/lib/store/session-store";
import { useWorkspace, type WorkspaceState } from "@/lib/store/workspace-store";
import { useWorkspaceReplacement, type Replacement } from "@/lib/store/workspace-replacement-store";
import type { SavedSnapshot } from "@/lib/workspace/model";
import { savedSnapshotOf } from "@/lib/workspace/snapshot";
import { isRunning } from "./workspace-run";

/**
 * Every loader that replaces the workspace (a file, a share, a preset, a saved prompt, a Compare
 * variant) goes through `replaceWorkspace`: at once when nothing would be lost, after asking
 * otherwise, never while an answer streams. The answer comes back as a promise, so the store
 * holds data only.
 */

export type ReplacementAnswer = "replaced" | "kept" | "refused";

/** Settles the question on screen; module state, not store state, as it is a function. */
let answerQuestion: ((answer: ReplacementAnswer) => void) | undefined;

export function replaceWorkspace(replacement: Replacement): Promise<ReplacementAnswer> {
  // A new question makes the one on screen moot: that work was kept.
  settle("kept");
  if (isRunning()) {
    useWorkspaceReplacement.getState().fail(t.transfer.whileRunning);
    return Promise.resolve("refused");
  }
  const workspace = useWorkspace.getState();
  if (hasUnsavedWork(workspace) && !holds(workspace, replacement.snapshot) && !isSaved(workspace)) {
    useWorkspaceReplacement.getState().ask(replacement);
    return new Promise((resolve) => {
      answerQuestion = resolve;
    });
  }
  useWorkspaceReplacement.setState({ question: null, error: null });
  replace(replacement);
  return Promise.resolve("replaced");
}

/** "Replace": the prompt asked about replaces the workspace. */
export function confirmReplacement(): void {
  const { question } = useWorkspaceReplacement.getState();
  if (question) replace(question);
  settle(question ? "replaced" : "kept");
}

/** "Keep my work". */
export function keepWorkspace(): void {
  settle("kept");
}

function settle(answer: ReplacementAnswer): void {
  useWorkspaceReplacement.getState().settle();
  const waiting = answerQuestion;
  answerQuestion = undefined;
  waiting?.(answer);
}

function replace({ snapshot, activePrompt }: Replacement): void {
  useWorkspace.getState().loadSnapshot(snapshot);
  // The selected answer belonged to the conversation that was replaced.
  useSession.getState().selectAnswer(null);
  if (activePrompt !== undefined) usePrompts.getState().setActive(activePrompt);
}

/** Text the user wrote that a replacement would lose. Parameters alone are not worth a question. */
function hasUnsavedWork(state: WorkspaceState): boolean {
  return state.messages.length > 0 || state.system.trim() !== "" || state.composer.trim() !== "";
}

/** Whether the workspace already is this snapshot, as when one link is opened twice. */
function holds(state: WorkspaceState, snapshot: SavedSnapshot): boolean {
  return JSON.stringify(savedSnapshotOf(state)) === JSON.stringify(snapshot);
}

/** Whether the workspace is, word for word, the latest version of the saved prompt it came from. */
function isSaved(state: WorkspaceState): boolean {
  const { prompts, activeId } = usePrompts.getState();
  const active = prompts.find((prompt) => prompt.id === activeId);
  return active !== undefined && sameSnapshot(latestVersion(active).snapshot, savedSnapshotOf(state));
}
