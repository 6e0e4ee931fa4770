"use client";

import { useChat } from "@ai-sdk/react";
import { Markdown } from "@/components/conversation/markdown";
import { AnswerSummary } from "@/components/usage/answer-summary";
import { formatRate } from "@/components/usage/format";
import { tokensPerSecond } from "@/lib/compare/results";
import { variantChat } from "@/lib/run/compare-run";
import { useCompareRun } from "@/lib/store/compare-run-store";
import { useTranslations } from "next-intl";
import { useCompare } from "@/lib/store/compare-store";

type AnswerStatus = "idle" | "waiting" | "streaming" | "done" | "stopped" | "failed";

const statusKeys = {
  idle: null,
  waiting: "compare.waiting",
  streaming: "compare.streaming",
  done: "compare.done",
  stopped: "compare.stopped",
  failed: "compare.failed",
} as const satisfies Record<AnswerStatus, string | null>;

/** A variant's answer: streaming from its Chat, then as kept in the store with its usage line. */
export function VariantAnswer({ variantId }: { variantId: string }) {
  const t = useTranslations();
  const { messages, status: chatStatus } = useChat({ chat: variantChat(variantId).chat });
  const running = useCompareRun((s) => s.running.includes(variantId));
  const answer = useCompare((s) => s.answers[variantId]);
  const streamed = messages
    .at(-1)
    ?.parts.map((part) => (part.type === "text" ? part.text : ""))
    .join("");
  const text = running ? (streamed ?? "") : (answer?.content ?? "");
  const status: AnswerStatus = running
    ? chatStatus === "streaming"
      ? "streaming"
      : "waiting"
    : ((answer?.status === "skipped" ? "failed" : answer?.status) ?? "idle");
  const rate = answer?.metadata ? tokensPerSecond(answer.metadata) : undefined;

  return (
    <div data-status={status} aria-busy={running} className="flex min-h-16 flex-col gap-2 border-t border-border pt-2">
      <p className="flex items-center gap-1.5 text-xs text-muted" data-testid="answer-status">
        {running ? <span className="h-2 w-2 animate-pulse rounded-full bg-accent" aria-hidden /> : null}
        {statusKeys[status] === null ? null : t(statusKeys[status])}
      </p>
      <div data-testid="variant-answer" className="min-w-0">
        {text ? (
          <Markdown text={text} />
        ) : status === "idle" ? (
          <p className="text-sm text-muted">{t("compare.noAnswer")}</p>
        ) : null}
      </div>
      {!running && answer?.error ? (
        <p role="alert" className="text-xs text-danger">
          {answer.error}
        </p>
      ) : null}
      {!running && answer?.metadata ? (
        <div data-testid="variant-usage">
          <AnswerSummary metadata={answer.metadata} />
          {rate !== undefined ? (
            <p className="text-xs text-muted tabular-nums">
              {t("compare.tokensPerSecond", { rate: formatRate(rate) })}
            </p>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
