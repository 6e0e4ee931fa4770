import { useTranslations } from "next-intl";
import type { AnswerMetadata } from "@/lib/workspace/model";
import { estimateCost } from "@/lib/mistral/prices";
import { formatCost, formatMs } from "./format";
import { PartsLine } from "./parts-line";

/**
 * One line under an answer: tokens, finish reason, latency, cost; and, first, whether the text
 * was edited or continued since, when the usage no longer describes all of it.
 */
export function AnswerSummary({
  metadata,
  edited,
  continued,
}: {
  metadata: AnswerMetadata;
  edited?: boolean;
  continued?: boolean;
}) {
  const t = useTranslations();
  const usage = metadata.usage;
  const state = edited ? "edited" : continued ? "continued" : undefined;
  const cost = usage && metadata.model ? estimateCost(metadata.model, usage) : undefined;
  const parts = [
    usage ? t("usage.summaryTokens", { prompt: usage.promptTokens, completion: usage.completionTokens }) : null,
    metadata.finishReason ?? null,
    metadata.timeToFirstTokenMs !== undefined
      ? t("usage.summaryTtft", { ms: formatMs(metadata.timeToFirstTokenMs) })
      : null,
    metadata.durationMs !== undefined ? formatMs(metadata.durationMs) : null,
    cost !== undefined ? `≈ ${formatCost(cost)}` : null,
  ];
  return (
    <PartsLine
      parts={parts}
      data-usage-of={state ?? "answer"}
      lead={state ? <span className="font-medium text-warning">{t(`usage.${state}`)}</span> : undefined}
    />
  );
}
