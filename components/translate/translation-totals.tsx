"use client";

import { formatCost, formatInteger, formatMs } from "@/components/usage/format";
import { useTranslations } from "next-intl";
import { useTranslateDraft } from "@/lib/store/translate-store";
import { countOutcomes } from "@/lib/translate/results";
import { sumTranslations } from "@/lib/translate/totals";

function Row({ label, value, testId }: { label: string; value: string; testId?: string }) {
  return (
    <div className="flex flex-col">
      <dt className="text-xs text-muted">{label}</dt>
      <dd className="font-medium tabular-nums" data-testid={testId}>
        {value}
      </dd>
    </div>
  );
}

/**
 * The run as a whole: how many languages ended which way, and the tokens Mistral reported for
 * them. Wall time against the sum of the requests' durations shows what running them at once saved.
 */
export function TranslationTotals() {
  const t = useTranslations();
  const results = useTranslateDraft((s) => s.results);
  const counts = countOutcomes(results);
  const ended = results.languages.flatMap((code) => results.outcomes[code] ?? []);
  const totals = sumTranslations(ended.map((outcome) => outcome.answer?.metadata));
  const notReported = ended.filter((outcome) => !outcome.answer?.metadata?.usage).length;
  const reported = ended.length - notReported;
  const dash = "—";
  const unreported = notReported > 0 ? ` (${t("translate.notReported", { n: notReported })})` : "";
  const cost = `≈ ${formatCost(totals.cost)}${totals.unpriced ? ` (${t("usage.unpriced", { n: totals.unpriced })})` : ""}`;

  return (
    <section aria-label={t("translate.total")} className="rounded-lg border border-border bg-surface p-3">
      <h2 className="mb-2 text-xs font-semibold tracking-wide text-muted uppercase">{t("translate.total")}</h2>
      <dl className="grid grid-cols-2 gap-3 text-sm sm:grid-cols-4 lg:grid-cols-8">
        <Row
          label={t("translate.finished")}
          value={`${counts.done} / ${results.languages.length}`}
          testId="total-finished"
        />
        <Row label={t("translate.stoppedCount")} value={formatInteger(counts.stopped)} testId="total-stopped" />
        <Row label={t("translate.failedCount")} value={formatInteger(counts.failed)} testId="total-failed" />
        <Row
          label={t("translate.tokens")}
          value={
            reported > 0
              ? `${formatInteger(totals.promptTokens)} / ${formatInteger(totals.completionTokens)}${unreported}`
              : dash
          }
          testId="total-in-out"
        />
        <Row
          label={t("usage.total")}
          value={reported > 0 ? formatInteger(totals.totalTokens) : dash}
          testId="total-tokens"
        />
        <Row label={t("translate.cost")} value={reported > 0 ? cost : dash} />
        <Row
          label={t("translate.wallTime")}
          value={results.wallTimeMs !== null ? formatMs(results.wallTimeMs) : dash}
          testId="total-wall-time"
        />
        <Row
          label={t("translate.sumOfLatencies")}
          value={totals.sumOfDurationsMs !== undefined ? formatMs(totals.sumOfDurationsMs) : dash}
        />
      </dl>
    </section>
  );
}
