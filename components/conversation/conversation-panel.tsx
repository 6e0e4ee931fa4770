"use client";

import { useCallback, useDeferredValue, useRef } from "react";
import { Button } from "@/components/ui/button";
import { continuingAnswerId, describeRunError, runWorkspace, stopRun } from "@/lib/run/workspace-run";
import { useRunNotice } from "@/lib/store/run-notice-store";
import { useTranslations } from "next-intl";
import { useWorkspace } from "@/lib/store/workspace-store";
import { Composer } from "./composer";
import { InsertMessageButton } from "./insert-message-button";
import { MessageItem } from "./message-item";
import { RunAlert } from "./run-alert";
import { StreamingMessage } from "./streaming-message";
import { SystemMessageEditor } from "./system-message-editor";
import { useFocusToolResult } from "./use-focus-tool-result";
import { usePinnedScrollPadding } from "@/components/ui/use-pinned-scroll-padding";
import { useFollowLatest } from "./use-follow-latest";
import { useRunError, useRunning } from "./use-run-state";

export function ConversationPanel({ serverHasKey }: { serverHasKey: boolean }) {
  const t = useTranslations();
  const running = useRunning();
  // The conversation's controls are disabled and enabled again in a render of their own, just
  // after the run starts and after the finished answer is in: in a long conversation, switching
  // thousands of controls is a task of its own, which would otherwise lengthen Run's and the end's.
  const controlsDisabled = useDeferredValue(running);
  const error = useRunError();
  const messages = useWorkspace((s) => s.messages);
  const notice = useRunNotice((s) => s.notice);
  const lastAnswerIndex = messages.findLastIndex((m) => m.role === "assistant");
  const run = useCallback(() => runWorkspace({ serverHasKey }), [serverHasKey]);
  // Stable, so that the memoised messages do not re-render when the panel does.
  const regenerate = useCallback(() => runWorkspace({ serverHasKey, regenerate: true }), [serverHasKey]);

  const failureSource = notice ?? (running ? null : (error ?? null));
  const failure = notice ?? (running ? null : describeRunError(error));
  const { latest, composer, detached, jump } = useFollowLatest({ running, failure: failureSource });
  usePinnedScrollPadding(composer, "bottom");
  const list = useRef<HTMLOListElement>(null);
  useFocusToolResult(running, controlsDisabled, list);
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
      <div ref={latest} className="flex min-w-0 flex-col gap-3">
        <fieldset disabled={controlsDisabled} className="m-0 min-w-0 border-0 p-0">
          <ol ref={list} className="space-y-2" aria-label={t("conversation.listLabel")}>
            {messages.map((message, index) =>
              message === continued ? (
                <StreamingMessage key={message.id} prefix={continued.content} />
              ) : (
                [
                  <InsertMessageButton key={`insert-${message.id}`} index={index} />,
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
            <InsertMessageButton index={messages.length} atEnd />
            {running && !continued ? <StreamingMessage /> : null}
          </ol>
        </fieldset>
        {failure ? <RunAlert failure={failure} onRetry={canRetry ? retry : undefined} /> : null}
      </div>
      <div ref={composer} className="sticky bottom-0 z-10">
        {detached ? (
          <Button
            variant="secondary"
            size="sm"
            onClick={jump}
            className="absolute bottom-full left-1/2 mb-2 -translate-x-1/2 shadow-md"
          >
            {t("conversation.jumpToLatest")}
          </Button>
        ) : null}
        <Composer running={running} onRun={run} onStop={stopRun} />
      </div>
    </div>
  );
}
