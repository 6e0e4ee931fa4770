"use client";

import { useCallback, useEffect } from "react";
import { describeRunError, runWorkspace, stopRun } from "@/lib/run/workspace-run";
import { useRunNotice } from "@/lib/store/run-notice-store";
import { useTranslations } from "next-intl";
import { useWorkspace } from "@/lib/store/workspace-store";
import { Composer } from "./composer";
import { InsertMessageButton } from "./insert-message-button";
import { MessageItem } from "./message-item";
import { RunAlert } from "./run-alert";
import { StreamingMessage } from "./streaming-message";
import { SystemMessageEditor } from "./system-message-editor";
import { useRunError, useRunning } from "./use-run-state";

export function ConversationPanel({ serverHasKey }: { serverHasKey: boolean }) {
  const t = useTranslations();
  const running = useRunning();
  const error = useRunError();
  const messages = useWorkspace((s) => s.messages);
  const notice = useRunNotice((s) => s.notice);
  const lastAnswerIndex = messages.findLastIndex((m) => m.role === "assistant");
  const run = useCallback(() => runWorkspace({ serverHasKey }), [serverHasKey]);
  // Stable, so that the memoised messages do not re-render when the panel does.
  const regenerate = useCallback(() => runWorkspace({ serverHasKey, regenerate: true }), [serverHasKey]);

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      // While an IME composition is open, Enter commits the composed text: it must not run.
      if (event.key === "Enter" && (event.ctrlKey || event.metaKey) && !event.isComposing) {
        event.preventDefault();
        runWorkspace({ serverHasKey });
      }
    };
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, [serverHasKey]);

  const failure = notice ?? (running ? null : describeRunError(error));
  const last = messages.at(-1);
  // A cut-off answer is run again from scratch, not continued.
  const retry = last?.role === "assistant" && last.status === "interrupted" ? regenerate : run;
  const canRetry = failure !== null && failure.code !== "invalid_request" && failure.code !== "no_api_key";

  return (
    <div className="flex min-w-0 flex-1 flex-col gap-3">
      <SystemMessageEditor />
      {/* While an answer streams, the disabled fieldset disables every control of every message
          at once, without rendering any of them again. */}
      <fieldset disabled={running} className="m-0 min-w-0 border-0 p-0">
        <ol className="space-y-2" aria-label={t("conversation.listLabel")}>
          {messages.map((message, index) => [
            <InsertMessageButton
              key={`insert-${message.id}`}
              index={index}
              label={t("conversation.insertBefore", { n: index + 1 })}
            />,
            <MessageItem
              key={message.id}
              message={message}
              position={index + 1}
              isLastAnswer={index === lastAnswerIndex && index === messages.length - 1}
              onRegenerate={regenerate}
            />,
          ])}
          <InsertMessageButton index={messages.length} label={t("conversation.insertEnd")} atEnd />
          {running ? <StreamingMessage /> : null}
        </ol>
      </fieldset>
      {failure ? <RunAlert failure={failure} onRetry={canRetry ? retry : undefined} /> : null}
      <Composer running={running} onRun={run} onStop={stopRun} />
    </div>
  );
}
