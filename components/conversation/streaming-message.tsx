"use client";

import { messages as t } from "@/lib/i18n";
import { continuedText } from "@/lib/workspace/snapshot";
import { StreamingMarkdown } from "./streaming-markdown";
import { ThinkingBlock } from "./thinking-block";
import { useStreamedReasoning, useStreamedText } from "./use-run-state";

/**
 * The answer while it streams; it joins the conversation as an editable message when done. A
 * continued answer streams after its `prefix`, the text it had.
 */
export function StreamingMessage({ prefix }: { prefix?: string }) {
  const streamed = useStreamedText();
  const text = prefix === undefined ? streamed : continuedText(prefix, streamed);
  const reasoning = useStreamedReasoning();
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
      {reasoning ? <ThinkingBlock text={reasoning} open={text === ""} /> : null}
      <div data-testid="streaming-text">
        {text ? (
          <StreamingMarkdown text={text} />
        ) : reasoning ? null : (
          <p className="text-sm text-muted">{t.conversation.waiting}</p>
        )}
      </div>
    </li>
  );
}
