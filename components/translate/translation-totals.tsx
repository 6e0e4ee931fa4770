"use client";

import { useShallow } from "zustand/react/shallow";
import { formatCost, formatInteger, formatMs } from "@/components/usage/format";
import { format, messages as t } from "@/lib/i18n";
import { useTranslationRun } from "@/lib/store/translation-run-store";
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
 * The run as a whole. Wall time against the sum of the requests' durations shows what running
 * them at once saved.
 */
export function TranslationTotals() {
  const { languages, outcomes, startedAt, finishedAt } = useTranslationRun(
    useShallow(({ languages, outcomes, startedAt, finishedAt }) => ({ languages, outcomes, startedAt, finishedAt })),
  );
  const finished = languages.filter((code) => outcomes[code] !== undefined);
  const totals = sumTranslations(finished.map((code) => outcomes[code]?.answer?.metadata));
  const dash = "—";
  const cost = `≈ ${formatCost(totals.cost)}${totals.unpriced ? ` (${format(t.usage.unpriced, { n: totals.unpriced })})` : ""}`;

  return (
    <section aria-label={t.translate.total} className="rounded-lg border border-border bg-surface p-3">
      <h2 className="mb-2 text-xs font-semibold tracking-wide text-muted uppercase">{t.translate.total}</h2>
      <dl className="grid grid-cols-2 gap-3 text-sm sm:grid-cols-3 lg:grid-cols-6">
        <Row label={t.translate.finished} value={`${finished.length} / ${languages.length}`} testId="total-finished" />
        <Row
          label={t.translate.tokens}
          value={`${formatInteger(totals.promptTokens)} / ${formatInteger(totals.completionTokens)}`}
        />
        <Row label={t.usage.total} value={formatInteger(totals.totalTokens)} testId="total-tokens" />
        <Row label={t.translate.cost} value={cost} />
        <Row
          label={t.translate.wallTime}
          value={startedAt !== null && finishedAt !== null ? formatMs(finishedAt - startedAt) : dash}
          testId="total-wall-time"
        />
        <Row label={t.translate.sumOfLatencies} value={formatMs(totals.sumOfDurationsMs)} />
      </dl>
    </section>
  );
}
