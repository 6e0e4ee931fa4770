"use client";

import { ModelSelect } from "@/components/parameters/model-select";
import { NumberField } from "@/components/parameters/number-field";
import { TemperatureField } from "@/components/parameters/temperature-field";
import { parameterLimits as limits, type Parameters } from "@/lib/compare/request";
import { messages as t } from "@/lib/i18n";
import { FALLBACK_TEMPERATURE, findModel, type ModelList } from "@/lib/mistral/catalogue";

/** A variant's model and sampling parameters. */
export function VariantParameters({
  parameters,
  list,
  onChange,
}: {
  parameters: Parameters;
  list: ModelList | undefined;
  onChange: <K extends keyof Parameters>(key: K, value: Parameters[K]) => void;
}) {
  const model = findModel(list?.models ?? [], parameters.model);
  return (
    <div className="flex flex-col gap-2">
      <ModelSelect value={parameters.model} onChange={(id) => onChange("model", id)} list={list} current={model} />
      <TemperatureField
        value={parameters.temperature}
        modelDefault={model?.defaultTemperature ?? FALLBACK_TEMPERATURE}
        onChange={(value) => onChange("temperature", value)}
      />
      <div className="grid grid-cols-3 gap-2">
        <NumberField
          label={t.parameters.maxTokens}
          value={parameters.maxTokens}
          onChange={(value) => onChange("maxTokens", value)}
          min={limits.maxTokens.min}
          max={model?.contextLength ?? limits.maxTokens.max}
          integer
          placeholder={t.parameters.unlimited}
        />
        <NumberField
          label={t.parameters.topP}
          value={parameters.topP}
          onChange={(value) => onChange("topP", value)}
          min={limits.topP.min}
          max={limits.topP.max}
          minExclusive
          step={0.05}
          placeholder="1"
        />
        <NumberField
          label={t.parameters.randomSeed}
          value={parameters.randomSeed}
          onChange={(value) => onChange("randomSeed", value)}
          min={limits.randomSeed.min}
          max={limits.randomSeed.max}
          integer
          placeholder={t.parameters.random}
        />
      </div>
    </div>
  );
}
