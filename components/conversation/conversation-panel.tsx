"use client";

import { useChat } from "@ai-sdk/react";
import { useEffect } from "react";
import { describeRunError, playground, runWorkspace, stopRun } from "@/lib/run/workspace-run";
import { useRunNotice } from "@/lib/store/run-notice-store";
import { format, messages as t } from "@/lib/i18n";
import { useWorkspace } from "@/lib/store/workspace-store";
import { Composer } from "./composer";
import { InsertMessageButton } from "./insert-message-button";
import { MessageItem } from "./message-item";
import { RunAlert } from "./run-alert";
import { StreamingMessage } from "./streaming-message";
import { SystemMessageEditor } from "./system-message-editor";

export function ConversationPanel({ serverHasKey }: { serverHasKey: boolean }) {
  const { status, messages: streaming, error } = useChat({ chat: playground.chat });
  const messages = useWorkspace((s) => s.messages);
  const notice = useRunNotice((s) => s.notice);
  const running = status === "submitted" || status === "streaming";
  const lastAnswerIndex = messages.findLastIndex((m) => m.role === "assistant");
  const run = () => runWorkspace({ serverHasKey });
  const regenerate = () => runWorkspace({ serverHasKey, regenerate: true });

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
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
      <ol className="flex flex-col gap-2" aria-label={t.conversation.listLabel}>
        {messages.map((message, index) => [
          <InsertMessageButton
            key={`insert-${message.id}`}
            index={index}
            disabled={running}
            label={format(t.conversation.insertBefore, { n: index + 1 })}
          />,
          <MessageItem
            key={message.id}
            message={message}
            position={index + 1}
            isLastAnswer={index === lastAnswerIndex && index === messages.length - 1}
            running={running}
            onRegenerate={regenerate}
          />,
        ])}
        <InsertMessageButton index={messages.length} disabled={running} label={t.conversation.insertEnd} />
        {running ? <StreamingMessage message={streaming.at(-1)} /> : null}
      </ol>
      {failure ? <RunAlert failure={failure} onRetry={canRetry ? retry : undefined} /> : null}
      <Composer running={running} onRun={run} onStop={stopRun} />
    </div>
  );
}
