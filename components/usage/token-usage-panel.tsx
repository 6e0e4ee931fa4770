"use client";

import type { AnswerMetadata, AssistantMessage } from "@/lib/workspace/model";
import { useTranslations } from "next-intl";
import { estimateCost, PRICES_AS_OF, priceFor } from "@/lib/mistral/prices";
import { useSession } from "@/lib/store/session-store";
import { useWorkspace } from "@/lib/store/workspace-store";
import { tokensPerSecond } from "@/lib/compare/results";
import { formatCost, formatInteger, formatMs, formatRate } from "./format";

function Row({ label, value, testId }: { label: string; value: string; testId?: string }) {
  return (
    <div className="flex justify-between gap-3 py-0.5">
      <dt className="text-muted">{label}</dt>
      <dd className="text-right font-medium wrap-anywhere tabular-nums" data-testid={testId}>
        {value}
      </dd>
    </div>
  );
}

function AnswerDetails({ metadata }: { metadata: AnswerMetadata }) {
  const t = useTranslations();
  const usage = metadata.usage;
  const cost = usage && metadata.model ? estimateCost(metadata.model, usage) : undefined;
  const price = metadata.model ? priceFor(metadata.model) : undefined;
  const speed = tokensPerSecond(metadata);
  const dash = "—";
  return (
    <dl className="text-sm">
      <Row label={t("usage.input")} value={usage ? formatInteger(usage.promptTokens) : dash} testId="usage-input" />
      <Row
        label={t("usage.output")}
        value={usage ? formatInteger(usage.completionTokens) : dash}
        testId="usage-output"
      />
      <Row label={t("usage.total")} value={usage ? formatInteger(usage.totalTokens) : dash} testId="usage-total" />
      {usage?.cachedTokens ? <Row label={t("usage.cached")} value={formatInteger(usage.cachedTokens)} /> : null}
      <Row label={t("usage.finishReason")} value={metadata.finishReason ?? dash} testId="usage-finish-reason" />
      <Row label={t("usage.model")} value={metadata.model ?? dash} testId="usage-model" />
      <Row label={t("usage.responseId")} value={metadata.responseId ?? dash} testId="usage-response-id" />
      <Row
        label={t("usage.ttft")}
        value={metadata.timeToFirstTokenMs !== undefined ? formatMs(metadata.timeToFirstTokenMs) : dash}
      />
      <Row
        label={t("usage.duration")}
        value={metadata.durationMs !== undefined ? formatMs(metadata.durationMs) : dash}
      />
      <Row
        label={t("usage.speed")}
        value={speed !== undefined ? t("usage.tokensPerSecond", { n: formatRate(speed) }) : dash}
      />
      <Row
        label={t("usage.cost")}
        value={cost !== undefined ? `≈ ${formatCost(cost)}` : usage ? t("usage.noPrice") : t("usage.noUsage")}
        testId="usage-cost"
      />
      {price ? (
        <p className="mt-1 text-xs text-muted">
          {t("usage.priceNote", { input: price.input, output: price.output, date: PRICES_AS_OF })}
        </p>
      ) : null}
    </dl>
  );
}

export function TokenUsagePanel() {
  const t = useTranslations();
  const messages = useWorkspace((s) => s.messages);
  const selectedId = useSession((s) => s.selectedAnswerId);
  const totals = useSession((s) => s.totals);
  const answers = messages.filter((m): m is AssistantMessage => m.role === "assistant" && m.metadata !== undefined);
  const selected = answers.find((m) => m.id === selectedId) ?? answers.at(-1);
  const position = selected ? messages.indexOf(selected) + 1 : 0;

  return (
    <section aria-label={t("usage.heading")} className="space-y-3 rounded-lg border border-border bg-surface p-3">
      <h2 className="text-xs font-semibold tracking-wide text-muted uppercase">{t("usage.heading")}</h2>
      {selected?.metadata ? (
        <>
          <p className="text-xs text-muted">
            {t(
              selected.edited
                ? "usage.forEditedAnswer"
                : selected.continued
                  ? "usage.forContinuedAnswer"
                  : "usage.forAnswer",
              { n: position },
            )}
          </p>
          <AnswerDetails metadata={selected.metadata} />
        </>
      ) : (
        <p className="text-sm text-muted">{t("usage.empty")}</p>
      )}
      <div className="border-t border-border pt-2">
        <h3 className="mb-1 text-xs font-semibold text-muted">{t("usage.session")}</h3>
        <dl className="text-sm">
          <Row label={t("usage.runs")} value={formatInteger(totals.runs)} testId="session-runs" />
          <Row label={t("usage.input")} value={formatInteger(totals.promptTokens)} />
          <Row label={t("usage.output")} value={formatInteger(totals.completionTokens)} />
          <Row label={t("usage.total")} value={formatInteger(totals.totalTokens)} testId="session-total" />
          <Row
            label={t("usage.cost")}
            value={`≈ ${formatCost(totals.cost)}${totals.unpriced ? ` (${t("usage.unpriced", { n: totals.unpriced })})` : ""}`}
          />
        </dl>
      </div>
    </section>
  );
}
