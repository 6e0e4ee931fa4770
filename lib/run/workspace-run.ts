import { buildChatRequest } from "@/lib/chat/build-request";
import { describeFailure, type FailureView } from "@/lib/chat/failure";
import { checkVision } from "@/lib/chat/vision";
import { builtinChatModels } from "@/lib/mistral/catalogue";
import { useModelCatalogue } from "@/lib/store/model-list-store";
import { t } from "@/lib/i18n";
import { useRunNotice } from "@/lib/store/run-notice-store";
import { useSession } from "@/lib/store/session-store";
import { useSettings } from "@/lib/store/settings-store";
import { useWorkspace } from "@/lib/store/workspace-store";
import { checkToolUse } from "@/lib/tools/preflight";
import type { ConversationMessage, ResponseFormat } from "@/lib/workspace/model";
import { continuedAnswerId, regenerationSnapshot, runnableSnapshot } from "@/lib/workspace/snapshot";
import { createPlaygroundChat } from "./playground-chat";

function setNotice(notice: FailureView | null) {
  useRunNotice.setState({ notice });
}

/** What the run in flight changed in the workspace, and what its answer needs to land. */
type RunInFlight = {
  responseFormat: ResponseFormat;
  /** The answer this run continues (`prefix: true`). */
  continuing?: string;
  /** The user message the run took from the composer. */
  sentId?: string;
  /** The answer (and what followed it) a regeneration removed. */
  dropped: ConversationMessage[];
};
let inFlight: RunInFlight | undefined;

/** The playground's one streaming conversation, shared by every component. */
export const playground = createPlaygroundChat({
  onRetry: (notice) => useRunNotice.setState({ retry: { ...notice, at: Date.now() } }),
  onFinish: (answer) => {
    const run = inFlight;
    inFlight = undefined;
    useRunNotice.setState({ retry: null });
    const workspace = useWorkspace.getState();
    if (!answer) {
      // Nothing came back: what was sent returns, so the conversation stays as it was before Run.
      if (run) workspace.restoreFailedRun(run);
      return;
    }
    const kept = run && run.responseFormat.type !== "text" ? { ...answer, responseFormat: run.responseFormat } : answer;
    if (run?.continuing) workspace.continueAnswer(run.continuing, kept);
    else workspace.appendAnswer(kept);
    useSession.getState().recordRun(answer.metadata);
    useSession.getState().selectAnswer(null);
  },
});

/** The answer the run in flight continues, shown streaming in its place. */
export function continuingAnswerId(): string | undefined {
  return inFlight?.continuing;
}

export function isRunning(): boolean {
  const status = playground.chat.status;
  return status === "submitted" || status === "streaming";
}

/**
 * Runs the workspace: the composer's text (if any) becomes a user message, the
 * conversation is checked and sent, and the answer streams in. With `regenerate`, the
 * last answer is replaced instead. Nothing the user typed is dropped when a check fails.
 */
export function runWorkspace(options: { serverHasKey: boolean; regenerate?: boolean }): void {
  if (isRunning()) return;
  const workspace = useWorkspace.getState();
  const apiKey = useSettings.getState().apiKey;
  if (!apiKey && !options.serverHasKey) {
    setNotice({ code: "no_api_key", message: t("errors.no_api_key") });
    return;
  }

  const regeneration = options.regenerate === true ? regenerationSnapshot(workspace) : undefined;
  const candidate = regeneration ?? runnableSnapshot(workspace);
  const built = buildChatRequest(candidate);
  if (!built.ok) {
    setNotice({ code: "invalid_request", message: built.error });
    return;
  }
  const vision = checkVision(built.value, useModelCatalogue.getState().list?.models ?? builtinChatModels);
  if (!vision.ok) {
    setNotice({ code: "invalid_request", message: vision.error });
    return;
  }
  const toolUse = checkToolUse(candidate);
  if (!toolUse.ok) {
    setNotice({ code: "invalid_request", message: toolUse.error });
    return;
  }

  // Only now that the request is good does the workspace change.
  const continuing = regeneration ? undefined : continuedAnswerId(workspace);
  const dropped = regeneration ? workspace.dropLastAnswer() : [];
  const sentId = regeneration ? undefined : workspace.submitComposer();
  inFlight = { responseFormat: candidate.parameters.responseFormat, continuing, sentId, dropped };
  useRunNotice.setState({ notice: null, lastRun: regeneration ? "regenerate" : "run", retry: null });
  void playground.run({ body: built.value, apiKey });
}

export function stopRun(): void {
  void playground.stop();
}

export function describeRunError(error: Error | undefined): FailureView | null {
  return error ? describeFailure(error) : null;
}
