import { useTranslations } from "next-intl";
import type { AnswerMetadata } from "@/lib/workspace/model";
import { estimateCost } from "@/lib/mistral/prices";
import { formatCost, formatMs } from "./format";

/** One line under an answer: tokens, finish reason, latency, cost. */
export function AnswerSummary({ metadata }: { metadata: AnswerMetadata }) {
  const t = useTranslations();
  const usage = metadata.usage;
  const cost = usage && metadata.model ? estimateCost(metadata.model, usage) : undefined;
  const parts = [
    usage ? t("usage.summaryTokens", { prompt: usage.promptTokens, completion: usage.completionTokens }) : null,
    metadata.finishReason ?? null,
    metadata.timeToFirstTokenMs !== undefined
      ? t("usage.summaryTtft", { ms: formatMs(metadata.timeToFirstTokenMs) })
      : null,
    metadata.durationMs !== undefined ? formatMs(metadata.durationMs) : null,
    cost !== undefined ? `≈ ${formatCost(cost)}` : null,
  ].filter((part): part is string => part !== null);
  return <p className="text-xs text-muted tabular-nums">{parts.join(" · ")}</p>;
}
