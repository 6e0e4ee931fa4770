import { formatCost, formatInteger } from "@/components/usage/format";
import type { PromptSnapshot } from "@/lib/workspace/model";
import { useTranslations } from "next-intl";
import { transcriptUsage } from "@/lib/shares/transcript-usage";
import { SummaryList } from "./summary-list";

/** What the answers of the transcript used, summed, with the estimated cost at list prices. */
export function SharedUsage({ snapshot }: { snapshot: PromptSnapshot }) {
  const t = useTranslations();
  const usage = transcriptUsage(snapshot);
  const unpriced = usage.unpriced ? ` (${t("sharePage.unpricedAnswers", { n: usage.unpriced })})` : "";
  return (
    <SummaryList
      heading={t("sharePage.usage")}
      rows={[
        [t("sharePage.answers"), formatInteger(usage.answers)],
        [t("usage.input"), formatInteger(usage.promptTokens)],
        [t("usage.output"), formatInteger(usage.completionTokens)],
        [t("usage.total"), formatInteger(usage.totalTokens)],
        [t("sharePage.estimatedCost"), usage.answers ? `≈ ${formatCost(usage.cost)}${unpriced}` : "—"],
      ]}
    />
  );
}
