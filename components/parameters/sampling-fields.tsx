"use client";

import type { ReactNode } from "react";
import { parameterLimits as limits } from "@/lib/chat/limits";
import { useTranslations } from "next-intl";
import { FALLBACK_TEMPERATURE, findModel, type ModelList } from "@/lib/mistral/catalogue";
import type { Parameters } from "@/lib/workspace/model";
import { ModelSelect } from "./model-select";
import { NumberField } from "./number-field";
import { TemperatureField } from "./temperature-field";

/**
 * The model and the sampling parameters that the playground and each Compare variant share:
 * temperature, max tokens, top P and seed. `children` joins the grid of number fields.
 */
export function SamplingFields({
  parameters,
  list,
  onChange,
  gridClassName,
  children,
}: {
  parameters: Parameters;
  list: ModelList | undefined;
  onChange: <K extends keyof Parameters>(key: K, value: Parameters[K]) => void;
  gridClassName: string;
  children?: ReactNode;
}) {
  const t = useTranslations();
  const model = findModel(list?.models ?? [], parameters.model);
  return (
    <>
      <ModelSelect value={parameters.model} onChange={(id) => onChange("model", id)} list={list} current={model} />
      <TemperatureField
        value={parameters.temperature}
        modelDefault={model?.defaultTemperature ?? FALLBACK_TEMPERATURE}
        onChange={(value) => onChange("temperature", value)}
      />
      <div className={gridClassName}>
        <NumberField
          label={t("parameters.maxTokens")}
          value={parameters.maxTokens}
          onChange={(value) => onChange("maxTokens", value)}
          min={limits.maxTokens.min}
          max={model?.contextLength ?? limits.maxTokens.max}
          integer
          placeholder={t("parameters.unlimited")}
        />
        <NumberField
          label={t("parameters.topP")}
          value={parameters.topP}
          onChange={(value) => onChange("topP", value)}
          min={limits.topP.min}
          max={limits.topP.max}
          minExclusive
          step={0.05}
          placeholder="1"
        />
        <NumberField
          label={t("parameters.randomSeed")}
          value={parameters.randomSeed}
          onChange={(value) => onChange("randomSeed", value)}
          min={limits.randomSeed.min}
          max={limits.randomSeed.max}
          integer
          placeholder={t("parameters.random")}
        />
        {children}
      </div>
    </>
  );
}
