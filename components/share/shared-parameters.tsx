import type { Parameters } from "@/lib/workspace/model";
import { useTranslations } from "next-intl";
import { parameterValueText } from "@/lib/i18n/parameter-words";
import { SummaryList } from "./summary-list";

/** Every parameter the conversation ran with, defaults named as such. */
export function SharedParameters({ parameters }: { parameters: Parameters }) {
  const t = useTranslations();
  const { responseFormat, tools, toolChoice } = parameters;
  const rows: [string, string][] = [
    [t("parameters.model"), parameters.model],
    [t("parameters.temperature"), parameterValueText("temperature", parameters.temperature, t)],
    [t("parameters.maxTokens"), parameterValueText("maxTokens", parameters.maxTokens, t)],
    [t("parameters.topP"), parameterValueText("topP", parameters.topP, t)],
    [t("parameters.randomSeed"), parameterValueText("randomSeed", parameters.randomSeed, t)],
    [
      t("parameters.stop"),
      parameters.stop.length ? parameters.stop.map((s) => JSON.stringify(s)).join(", ") : t("sharePage.none"),
    ],
    [t("sharePage.safePrompt"), parameters.safePrompt ? t("sharePage.on") : t("sharePage.off")],
    [
      t("sharePage.responseFormat"),
      responseFormat.type === "json_schema" ? `json_schema (${responseFormat.name})` : responseFormat.type,
    ],
    [t("sharePage.tools"), tools.length ? tools.map((tool) => tool.name).join(", ") : t("sharePage.none")],
  ];
  if (tools.length) {
    rows.push(
      [t("sharePage.toolChoice"), typeof toolChoice === "string" ? toolChoice : toolChoice.name],
      [t("sharePage.parallelToolCalls"), parameters.parallelToolCalls ? t("sharePage.on") : t("sharePage.off")],
    );
  }
  return <SummaryList heading={t("sharePage.parameters")} rows={rows} />;
}
