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
import { regenerationSnapshot, runnableSnapshot } from "@/lib/workspace/snapshot";
import { createPlaygroundChat } from "./playground-chat";

function setNotice(notice: FailureView | null) {
  useRunNotice.setState({ notice });
}

/** The playground's one streaming conversation, shared by every component. */
export const playground = createPlaygroundChat({
  onFinish: (answer) => {
    if (!answer) return;
    useWorkspace.getState().appendAnswer(answer);
    useSession.getState().recordRun(answer.metadata);
    useSession.getState().selectAnswer(null);
  },
});

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
  if (regeneration) workspace.dropLastAnswer();
  else workspace.submitComposer();
  setNotice(null);
  void playground.run({ body: built.value, apiKey });
}

export function stopRun(): void {
  void playground.stop();
}

export function describeRunError(error: Error | undefined): FailureView | null {
  return error ? describeFailure(error) : null;
}
