"use client";

import { useChat } from "@ai-sdk/react";
import { Markdown } from "@/components/conversation/markdown";
import { AnswerSummary } from "@/components/usage/answer-summary";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import { useLocale, useTranslations } from "next-intl";
import { languageLabel, type TargetLanguage } from "@/lib/translate/languages";
import { translationChat } from "@/lib/run/translation-run";
import { useTranslateDraft } from "@/lib/store/translate-store";
import { translationSelectors, useTranslationRun } from "@/lib/store/translation-run-store";

type ColumnStatus = "waiting" | "streaming" | "done" | "stopped" | "failed";

const statusKeys = {
  waiting: "translate.waiting",
  streaming: "translate.streaming",
  done: "translate.done",
  stopped: "translate.stopped",
  failed: "translate.failed",
} as const satisfies Record<ColumnStatus, string | null>;

/** One language of a run: its text as it streams, then its usage and latency, to copy or run again. */
export function TranslationColumn({ language, onRetry }: { language: TargetLanguage; onRetry: () => void }) {
  const t = useTranslations();
  const label = languageLabel(language, useLocale());
  const { messages, status: chatStatus } = useChat({ chat: translationChat(language.code).chat });
  const outcome = useTranslateDraft((s) => s.results.outcomes[language.code]);
  const active = useTranslationRun(translationSelectors.isActive(language.code));
  const streamed = messages
    .at(-1)
    ?.parts.map((part) => (part.type === "text" ? part.text : ""))
    .join("");
  const text = outcome ? (outcome.answer?.content ?? "") : (streamed ?? "");
  const status: ColumnStatus = outcome?.status ?? (chatStatus === "streaming" ? "streaming" : "waiting");
  const ended = outcome !== undefined && !active;

  return (
    <section
      aria-label={label}
      aria-busy={!ended}
      data-status={status}
      className="flex min-w-0 flex-col gap-2 rounded-lg border border-border bg-surface p-3 aria-busy:border-accent/50 data-[status=failed]:border-danger/40"
    >
      <header className="flex items-baseline justify-between gap-2">
        <h3 className="text-sm font-semibold">
          {label}{" "}
          <span lang={language.code} className="font-normal text-muted">
            {language.nativeName}
          </span>
        </h3>
        <span className="flex items-center gap-1.5 text-xs text-muted">
          {ended ? null : <span className="h-2 w-2 animate-pulse rounded-full bg-accent" aria-hidden />}
          {t(statusKeys[status])}
        </span>
      </header>
      <div lang={language.code} data-testid="translation-text" className="min-h-10 flex-1">
        {text ? (
          <Markdown text={text} />
        ) : status === "waiting" ? (
          <p className="text-sm text-muted">{t("translate.waiting")}</p>
        ) : null}
      </div>
      {outcome?.failure ? (
        <p role="alert" className="text-xs text-danger">
          {outcome.failure.message}
        </p>
      ) : null}
      {outcome?.answer?.metadata ? <AnswerSummary metadata={outcome.answer.metadata} /> : null}
      {ended ? (
        <div className="flex justify-end gap-1">
          {text ? (
            <CopyButton
              text={text}
              label={t("translate.copyTranslation", { language: label })}
              className="border border-border"
            />
          ) : null}
          <Button size="sm" aria-label={t("translate.retryLanguage", { language: label })} onClick={onRetry}>
            {t("translate.retry")}
          </Button>
        </div>
      ) : null}
    </section>
  );
}
