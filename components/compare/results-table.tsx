import { memo } from "react";
import { formatCost, formatInteger, formatMs } from "@/components/usage/format";
import type { TestCase } from "@/lib/compare/cases";
import { passRateLabel, summarizeVariant, type CaseResult, type ResultTable } from "@/lib/compare/results";
import type { Variant } from "@/lib/compare/variants";
import { useTranslations } from "next-intl";

function ResultCell({ result }: { result: CaseResult | undefined }) {
  const t = useTranslations();
  if (!result) return <span className="text-xs text-muted">{t("compare.results.notRun")}</span>;
  const verdict = result.verdict;
  const outcome = verdict ? (verdict.pass ? "pass" : "fail") : result.status;
  const label = verdict
    ? verdict.pass
      ? t("compare.results.pass")
      : t("compare.results.fail")
    : result.status === "skipped"
      ? t("compare.results.skipped")
      : t(`compare.${result.status}`);
  const usage = result.metadata?.usage;
  return (
    <div className="group flex flex-col gap-1" data-outcome={outcome}>
      <p className="text-xs">
        <span className="font-semibold group-data-[outcome=fail]:text-danger group-data-[outcome=pass]:text-success">
          {label}
        </span>
        {verdict?.reason || result.error ? (
          <span className="text-muted"> · {verdict?.reason ?? result.error}</span>
        ) : null}
      </p>
      {result.content ? (
        <details className="text-xs">
          <summary className="cursor-pointer truncate text-fg">{result.content.slice(0, 120)}</summary>
          <p className="mt-1 whitespace-pre-wrap">{result.content}</p>
        </details>
      ) : null}
      {usage || result.metadata?.durationMs !== undefined ? (
        <p className="text-xs text-muted tabular-nums">
          {[
            usage ? `${usage.promptTokens} in / ${usage.completionTokens} out` : null,
            result.metadata?.durationMs !== undefined ? formatMs(result.metadata.durationMs) : null,
          ]
            .filter(Boolean)
            .join(" · ")}
        </p>
      ) : null}
    </div>
  );
}

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
        <td key={variant.id} className="px-2 py-2">
          <ResultCell result={row?.[variant.id]} />
        </td>
      ))}
    </tr>
  );
});

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
  const summaries = variants.map((variant) => summarizeVariant(cases.map((c) => results[c.id]?.[variant.id])));
  return (
    <div className="overflow-x-auto">
      <table aria-label={t("compare.results.heading")} className="w-full border-collapse text-sm">
        <caption className="px-2 py-1 text-left text-sm font-semibold">
          {caption ?? t("compare.results.heading")}
        </caption>
        <thead>
          <tr className="border-b border-border text-left text-xs text-muted">
            <th scope="col" className="px-2 py-1 font-medium">
              {t("compare.results.case")}
            </th>
            {variants.map((variant) => (
              <th key={variant.id} scope="col" className="min-w-56 px-2 py-1 font-medium">
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
          <tr>
            <th scope="row" className="px-2 py-1 text-left font-medium text-muted">
              {t("compare.results.passRate")}
            </th>
            {summaries.map((summary, i) => (
              <td key={variants[i]?.id} className="px-2 py-1 font-semibold" data-testid="pass-rate">
                {passRateLabel(summary) ?? "—"}
              </td>
            ))}
          </tr>
          <tr>
            <th scope="row" className="px-2 py-1 text-left font-medium text-muted">
              {t("compare.results.tokens")}
            </th>
            {summaries.map((summary, i) => (
              <td key={variants[i]?.id} className="px-2 py-1">
                {formatInteger(summary.totalTokens)}
              </td>
            ))}
          </tr>
          <tr>
            <th scope="row" className="px-2 py-1 text-left font-medium text-muted">
              {t("compare.results.cost")}
            </th>
            {summaries.map((summary, i) => (
              <td key={variants[i]?.id} className="px-2 py-1">
                {summary.answered > 0 ? `≈ ${formatCost(summary.cost)}` : "—"}
              </td>
            ))}
          </tr>
          <tr>
            <th scope="row" className="px-2 py-1 text-left font-medium text-muted">
              {t("compare.results.latency")}
            </th>
            {summaries.map((summary, i) => (
              <td key={variants[i]?.id} className="px-2 py-1">
                {summary.medianLatencyMs !== undefined && summary.p95LatencyMs !== undefined
                  ? `${formatMs(summary.medianLatencyMs)} / ${formatMs(summary.p95LatencyMs)}`
                  : "—"}
              </td>
            ))}
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
