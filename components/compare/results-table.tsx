import { memo, type CSSProperties, type ReactNode } from "react";
import { formatCost, formatInteger, formatMs } from "@/components/usage/format";
import type { TestCase } from "@/lib/compare/cases";
import {
  passRateLabel,
  summarizeVariant,
  type CaseResult,
  type ResultTable,
  type VariantSummary,
} from "@/lib/compare/results";
import type { Variant } from "@/lib/compare/variants";
import { useTranslations } from "next-intl";
import { ResultCell } from "./result-cell";

/**
 * One case's results. Memoised on the row's results: a result arriving replaces only its own
 * case's row object, so the other rows are not rendered again while a case run streams in.
 */
const ResultRow = memo(function ResultRow({
  n,
  variants,
  row,
}: {
  n: number;
  variants: readonly Pick<Variant, "id" | "name">[];
  row: Record<string, CaseResult> | undefined;
}) {
  return (
    <tr className="border-b border-border align-top">
      <th scope="row" className="px-2 py-2 text-left text-xs font-medium text-muted">
        {n}
      </th>
      {variants.map((variant) => (
        <td key={variant.id} className="px-2 py-2 break-words">
          <ResultCell result={row?.[variant.id]} />
        </td>
      ))}
    </tr>
  );
});

/** One figure per variant in the footer, under its label. */
function SummaryRow({
  label,
  summaries,
  testId,
  strong = false,
  children,
}: {
  label: string;
  summaries: readonly (VariantSummary & { id: string })[];
  testId?: string;
  strong?: boolean;
  children: (summary: VariantSummary) => ReactNode;
}) {
  return (
    <tr className="align-top">
      <th scope="row" className="px-2 py-1 text-left font-medium break-words text-muted">
        {label}
      </th>
      {summaries.map((summary) => (
        <td
          key={summary.id}
          className="px-2 py-1 data-[strong=true]:font-semibold"
          data-strong={strong}
          data-testid={testId}
        >
          {children(summary)}
        </td>
      ))}
    </tr>
  );
}

/** One row per case, one column per variant; the summary of each variant in the footer. */
export function ResultsTable({
  cases,
  variants,
  results,
  caption,
}: {
  cases: readonly TestCase[];
  variants: readonly Pick<Variant, "id" | "name">[];
  results: ResultTable;
  caption?: string;
}) {
  const t = useTranslations();
  const summaries = variants.map((variant) => ({
    id: variant.id,
    ...summarizeVariant(cases.map((c) => results[c.id]?.[variant.id])),
  }));
  const judged = summaries.some((summary) => summary.judge.count > 0);
  // Fixed columns: a narrow first one (case numbers; the footer's labels wrap in it) and equal
  // ones per variant, wide enough for a phone to show two variants without scrolling sideways.
  // Cells never grow with an answer's preview, which is cut to its column with an ellipsis.
  return (
    <div className="overflow-x-auto">
      <table
        aria-label={t("compare.results.heading")}
        className="w-full min-w-[calc(4.5rem+var(--variants)*8rem)] table-fixed border-collapse text-sm sm:min-w-[calc(7rem+var(--variants)*14rem)]"
        style={{ "--variants": variants.length } as CSSProperties}
      >
        <caption className="px-2 py-1 text-left text-sm font-semibold">
          {caption ?? t("compare.results.heading")}
        </caption>
        <colgroup>
          <col className="w-18 sm:w-28" />
          {variants.map((variant) => (
            <col key={variant.id} />
          ))}
        </colgroup>
        <thead>
          <tr className="border-b border-border text-left text-xs text-muted">
            <th scope="col" className="px-2 py-1 font-medium">
              {t("compare.results.case")}
            </th>
            {variants.map((variant) => (
              <th key={variant.id} scope="col" className="px-2 py-1 font-medium break-words">
                {variant.name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {cases.map((testCase, index) => (
            <ResultRow key={testCase.id} n={index + 1} variants={variants} row={results[testCase.id]} />
          ))}
        </tbody>
        <tfoot className="text-xs tabular-nums">
          <SummaryRow label={t("compare.results.passRate")} summaries={summaries} testId="pass-rate" strong>
            {(summary) => passRateLabel(summary) ?? "—"}
          </SummaryRow>
          <SummaryRow label={t("compare.results.tokens")} summaries={summaries}>
            {(summary) => formatInteger(summary.totalTokens)}
          </SummaryRow>
          <SummaryRow label={t("compare.results.cost")} summaries={summaries}>
            {(summary) => (summary.answered > 0 ? `≈ ${formatCost(summary.cost)}` : "—")}
          </SummaryRow>
          <SummaryRow label={t("compare.results.latency")} summaries={summaries}>
            {(summary) =>
              summary.medianLatencyMs !== undefined && summary.p95LatencyMs !== undefined
                ? `${formatMs(summary.medianLatencyMs)} / ${formatMs(summary.p95LatencyMs)}`
                : "—"
            }
          </SummaryRow>
          {judged ? (
            <>
              <SummaryRow label={t("compare.judge.passRate")} summaries={summaries} testId="judge-pass-rate" strong>
                {(summary) => passRateLabel(summary.judge) ?? "—"}
              </SummaryRow>
              <SummaryRow label={t("compare.judge.tokens")} summaries={summaries}>
                {(summary) => formatInteger(summary.judge.totalTokens)}
              </SummaryRow>
              <SummaryRow label={t("compare.judge.cost")} summaries={summaries} testId="judge-cost">
                {(summary) => (summary.judge.count > 0 ? `≈ ${formatCost(summary.judge.cost)}` : "—")}
              </SummaryRow>
            </>
          ) : null}
        </tfoot>
      </table>
    </div>
  );
}
