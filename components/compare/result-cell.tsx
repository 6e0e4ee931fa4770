import { formatCost, formatMs } from "@/components/usage/format";
import { PartsLine } from "@/components/usage/parts-line";
import type { CaseResult, JudgeResult } from "@/lib/compare/results";
import { useTranslations } from "next-intl";
import { estimateCost } from "@/lib/mistral/prices";

/** The judge's verdict on an answer, beside the check's: pass, fail, or an error (never a pass). */
function JudgeVerdict({ judge }: { judge: JudgeResult }) {
  const t = useTranslations();
  const outcome = judge.verdict
    ? judge.verdict.pass
      ? "pass"
      : "fail"
    : judge.status === "stopped"
      ? "stopped"
      : "error";
  const usage = judge.metadata?.usage;
  const cost = usage && judge.metadata?.model ? estimateCost(judge.metadata.model, usage) : undefined;
  return (
    <div className="group/judge border-l-2 border-border pl-2" data-judge={outcome}>
      <p className="text-xs">
        <span className="text-muted">{t("compare.judge.label")}: </span>
        <span className="font-semibold group-data-[judge=error]/judge:text-danger group-data-[judge=fail]/judge:text-danger group-data-[judge=pass]/judge:text-success">
          {t(`compare.judge.${outcome}`)}
        </span>
        {judge.verdict?.reason || judge.error ? (
          <span className="text-muted"> · {judge.verdict?.reason ?? judge.error}</span>
        ) : null}
      </p>
      {usage ? (
        <PartsLine
          parts={[
            t("usage.summaryTokens", { prompt: usage.promptTokens, completion: usage.completionTokens }),
            cost !== undefined ? `≈ ${formatCost(cost)}` : null,
          ]}
        />
      ) : null}
    </div>
  );
}

/** One answer of a case run: the check's verdict, the answer, its tokens and latency, the judge's verdict. */
export function ResultCell({ result }: { result: CaseResult | undefined }) {
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
          <p className="mt-1 wrap-anywhere whitespace-pre-wrap">{result.content}</p>
        </details>
      ) : null}
      {usage || result.metadata?.durationMs !== undefined ? (
        <PartsLine
          parts={[
            usage ? t("usage.summaryTokens", { prompt: usage.promptTokens, completion: usage.completionTokens }) : null,
            result.metadata?.durationMs !== undefined ? formatMs(result.metadata.durationMs) : null,
          ]}
        />
      ) : null}
      {result.judge ? <JudgeVerdict judge={result.judge} /> : null}
    </div>
  );
}
