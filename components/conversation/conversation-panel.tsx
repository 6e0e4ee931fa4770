"use client";

import { useCallback, useEffect } from "react";
import { continuingAnswerId, describeRunError, runWorkspace, stopRun } from "@/lib/run/workspace-run";
import { useRunNotice } from "@/lib/store/run-notice-store";
import { format, messages as t } from "@/lib/i18n";
import { useWorkspace } from "@/lib/store/workspace-store";
import { Composer } from "./composer";
import { InsertMessageButton } from "./insert-message-button";
import { MessageItem } from "./message-item";
import { RunAlert } from "./run-alert";
import { StreamingMessage } from "./streaming-message";
import { SystemMessageEditor } from "./system-message-editor";
import { useRunError, useRunning } from "./use-run-state";

export function ConversationPanel({ serverHasKey }: { serverHasKey: boolean }) {
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
      if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
        event.preventDefault();
        runWorkspace({ serverHasKey });
      }
    };
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, [serverHasKey]);

  const failure = notice ?? (running ? null : describeRunError(error));
  const lastRun = useRunNotice((s) => s.lastRun);
  const last = messages.at(-1);
  // A cut-off answer is run again from scratch, not continued; a failed regeneration is retried as one.
  const retry =
    lastRun === "regenerate" || (last?.role === "assistant" && last.status === "interrupted") ? regenerate : run;
  // A rejected key is fixed in Settings, not by running again.
  const canRetry = failure !== null && !["invalid_request", "no_api_key", "invalid_api_key"].includes(failure.code);
  // While an answer is continued, it streams in its own place.
  const continuing = running ? continuingAnswerId() : undefined;
  const continued = continuing === undefined ? undefined : messages.find((m) => m.id === continuing);

  return (
    <div className="flex min-w-0 flex-1 flex-col gap-3">
      <SystemMessageEditor />
      {/* While an answer streams, the disabled fieldset disables every control of every message
          at once, without rendering any of them again. */}
      <fieldset disabled={running} className="m-0 min-w-0 border-0 p-0">
        <ol className="space-y-2" aria-label={t.conversation.listLabel}>
          {messages.map((message, index) =>
            message === continued ? (
              <StreamingMessage key={message.id} prefix={continued.content} />
            ) : (
              [
                <InsertMessageButton
                  key={`insert-${message.id}`}
                  index={index}
                  label={format(t.conversation.insertBefore, { n: index + 1 })}
                />,
                <MessageItem
                  key={message.id}
                  message={message}
                  position={index + 1}
                  isLastAnswer={index === lastAnswerIndex && index === messages.length - 1}
                  onRegenerate={regenerate}
                />,
              ]
            ),
          )}
          <InsertMessageButton index={messages.length} label={t.conversation.insertEnd} />
          {running && !continued ? <StreamingMessage /> : null}
        </ol>
      </fieldset>
      {failure ? <RunAlert failure={failure} onRetry={canRetry ? retry : undefined} /> : null}
      <Composer running={running} onRun={run} onStop={stopRun} />
    </div>
  );
}
