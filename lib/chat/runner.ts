import { create } from "zustand";
import { messages as t } from "@/lib/i18n";
import { useSession } from "@/lib/store/session-store";
import { useSettings } from "@/lib/store/settings-store";
import { useWorkspace } from "@/lib/store/workspace-store";
import { checkToolUse } from "@/lib/tools/preflight";
import { buildChatRequest } from "./build-request";
import { describeFailure, type FailureView } from "./failure";
import { createPlaygroundChat } from "./playground-chat";

/** A failure found before sending (bad input, no key): shown like a failed run. */
export const useRunNotice = create<{ notice: FailureView | null }>()(() => ({ notice: null }));

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
    setNotice({ code: "no_api_key", message: t.errors.no_api_key });
    return;
  }

  const lastAnswer = workspace.messages.findLastIndex((m) => m.role === "assistant");
  const regenerate = options.regenerate === true && lastAnswer >= 0;
  const candidate = regenerate
    ? { ...workspace, messages: workspace.messages.slice(0, lastAnswer) }
    : workspace.composer.trim()
      ? {
          ...workspace,
          messages: [...workspace.messages, { id: "composer", role: "user" as const, content: workspace.composer }],
        }
      : workspace;
  const built = buildChatRequest(candidate);
  if (!built.ok) {
    setNotice({ code: "invalid_request", message: built.error });
    return;
  }
  const toolUse = checkToolUse(candidate);
  if (!toolUse.ok) {
    setNotice({ code: "invalid_request", message: toolUse.error });
    return;
  }

  // Only now that the request is good does the workspace change.
  if (regenerate) workspace.dropLastAnswer();
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
