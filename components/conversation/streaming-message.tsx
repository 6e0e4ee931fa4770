"use client";

import { messages as t } from "@/lib/i18n";
import { StreamingMarkdown } from "./streaming-markdown";
import { useStreamedText } from "./use-run-state";

/** The answer while it streams; it joins the conversation as an editable message when done. */
export function StreamingMessage() {
  const text = useStreamedText();
  return (
    <li
      className="rounded-lg border border-accent/50 bg-surface p-3"
      aria-busy="true"
      aria-label={t.conversation.streaming}
    >
      <div className="mb-2 flex items-center gap-2 text-xs font-semibold tracking-wide text-muted uppercase">
        {t.roles.assistant}
        <span className="inline-block h-2 w-2 animate-pulse rounded-full bg-accent" aria-hidden />
      </div>
      <div data-testid="streaming-text">
        {text ? <StreamingMarkdown text={text} /> : <p className="text-sm text-muted">{t.conversation.waiting}</p>}
      </div>
    </li>
  );
}
