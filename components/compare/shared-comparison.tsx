import { Markdown } from "@/components/conversation/markdown";
import { AnswerSummary } from "@/components/usage/answer-summary";
import type { Comparison } from "@/lib/compare/share";
import { useTranslations } from "next-intl";
import { ResultsTable } from "./results-table";

/** A shared comparison, read-only: the variants side by side with their answers, then the results. */
export function SharedComparison({ comparison }: { comparison: Comparison }) {
  const t = useTranslations();
  const orDefault = (value: number | null) => (value === null ? t("sharePage.modelDefault") : String(value));
  const { variants, answers, userMessage, cases, results, judge } = comparison;
  return (
    <div className="flex flex-col gap-4">
      <section aria-label={t("compare.userMessage")} className="rounded-lg border border-border bg-surface p-3">
        <h2 className="text-xs font-medium text-muted">{t("compare.userMessage")}</h2>
        <p className="mt-1 text-sm wrap-anywhere whitespace-pre-wrap">{userMessage}</p>
      </section>
      <div className="grid grid-cols-1 gap-3 md:grid-cols-2 xl:grid-cols-4">
        {variants.map((variant) => {
          const answer = answers[variant.id];
          const { parameters } = variant;
          return (
            <section
              key={variant.id}
              aria-label={variant.name}
              className="flex min-w-0 flex-col gap-2 rounded-lg border border-border bg-surface p-3"
            >
              <h2 className="text-sm font-semibold">{variant.name}</h2>
              <p className="text-xs text-muted">
                {[
                  parameters.model,
                  `${t("parameters.temperature")} ${orDefault(parameters.temperature)}`,
                  `${t("parameters.topP")} ${orDefault(parameters.topP)}`,
                  parameters.maxTokens !== null ? `${t("parameters.maxTokens")} ${parameters.maxTokens}` : null,
                  parameters.randomSeed !== null ? `${t("parameters.randomSeed")} ${parameters.randomSeed}` : null,
                ]
                  .filter(Boolean)
                  .join(" · ")}
              </p>
              {variant.system ? (
                <div>
                  <h3 className="text-xs font-medium text-muted">{t("conversation.systemLabel")}</h3>
                  <p className="text-sm wrap-anywhere whitespace-pre-wrap">{variant.system}</p>
                </div>
              ) : null}
              {variant.messages.length > 0 ? (
                <p className="text-xs text-muted">{t("compare.earlierMessages", { n: variant.messages.length })}</p>
              ) : null}
              <div className="border-t border-border pt-2" data-testid="variant-answer">
                {answer?.content ? (
                  <Markdown text={answer.content} />
                ) : (
                  <p className="text-sm text-muted">{t("compare.noAnswer")}</p>
                )}
                {answer?.error ? <p className="text-xs text-danger">{answer.error}</p> : null}
                {answer?.metadata ? <AnswerSummary metadata={answer.metadata} /> : null}
              </div>
            </section>
          );
        })}
      </div>
      {judge?.enabled ? (
        <section aria-label={t("compare.judge.heading")} className="rounded-lg border border-border bg-surface p-3">
          <h2 className="text-xs font-medium text-muted">
            {t("compare.judge.heading")} · {judge.model}
          </h2>
          <p className="mt-1 text-sm wrap-anywhere whitespace-pre-wrap">{judge.rubric}</p>
        </section>
      ) : null}
      {cases.length > 0 ? (
        <section className="rounded-lg border border-border bg-surface p-2">
          <ResultsTable cases={cases} variants={variants} results={results} />
        </section>
      ) : null}
    </div>
  );
}
