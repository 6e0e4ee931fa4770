"use client";

import { useTranslations } from "next-intl";
import { useSecondsLeft } from "@/components/ui/use-seconds-left";
import { useRunNotice } from "@/lib/store/run-notice-store";
import { continuedText } from "@/lib/workspace/snapshot";
import { StreamingMarkdown } from "./streaming-markdown";
import { ThinkingBlock } from "./thinking-block";
import { useStreamedReasoning, useStreamedText } from "./use-run-state";

/**
 * The answer while it streams; it joins the conversation as an editable message when done. A
 * continued answer streams after its `prefix`, the text it had.
 */
export function StreamingMessage({ prefix }: { prefix?: string }) {
  const t = useTranslations();
  const streamed = useStreamedText();
  const text = prefix === undefined ? streamed : continuedText(prefix, streamed);
  const reasoning = useStreamedReasoning();
  return (
    <li
      className="rounded-lg border border-accent/50 bg-surface p-3"
      aria-busy="true"
      aria-label={t("conversation.streaming")}
    >
      <div className="mb-2 flex items-center gap-2 text-xs font-semibold tracking-wide text-muted uppercase">
        {t("roles.assistant")}
        <span className="inline-block h-2 w-2 animate-pulse rounded-full bg-accent" aria-hidden />
      </div>
      {reasoning ? <ThinkingBlock text={reasoning} open={text === ""} /> : null}
      <div data-testid="streaming-text">
        {text ? <StreamingMarkdown text={text} /> : reasoning ? null : <WaitingNote />}
      </div>
    </li>
  );
}

/** Waiting for the first token, or, when Mistral refused or failed, for the server's next try. */
function WaitingNote() {
  const t = useTranslations();
  const retry = useRunNotice((s) => s.retry);
  const seconds = useSecondsLeft(retry?.retryAfterMs !== undefined ? retry.at + retry.retryAfterMs : undefined);
  if (!retry) return <p className="text-sm text-muted">{t("conversation.waiting")}</p>;
  const { attempt, attempts, status } = retry;
  const key = status === undefined ? "retryingNoAnswer" : seconds > 0 ? "retryingIn" : ("retrying" as const);
  return (
    <p role="status" className="text-sm text-warning">
      {t(`conversation.${key}`, { status: status ?? 0, seconds, attempt, attempts })}
    </p>
  );
}
