"use client";

import { ResponseFormatField } from "@/components/response-format/response-format-field";
import { findModel } from "@/lib/mistral/catalogue";
import { parameterLimits } from "@/lib/chat/limits";
import { useTranslations } from "next-intl";
import { useWorkspace } from "@/lib/store/workspace-store";
import { needsReasoningPromptMode } from "@/lib/chat/build-request";
import { NumberField } from "./number-field";
import { PredictionField } from "./prediction-field";
import { ReasoningEffortField } from "./reasoning-effort-field";
import { StopSequencesField } from "./stop-sequences-field";
import { SamplingFields } from "./sampling-fields";
import { useModelList } from "./use-model-list";

export function ParametersPanel() {
  const t = useTranslations();
  const parameters = useWorkspace((s) => s.parameters);
  const setParameter = useWorkspace.getState().setParameter;
  const list = useModelList();
  const model = findModel(list?.models ?? [], parameters.model);
  const limits = parameterLimits;

  return (
    <section aria-labelledby="parameters-heading" className="space-y-3 rounded-lg border border-border bg-surface p-3">
      <h2 id="parameters-heading" className="text-xs font-semibold tracking-wide text-muted uppercase">
        {t("parameters.heading")}
      </h2>
      <SamplingFields
        parameters={parameters}
        list={list}
        onChange={setParameter}
        gridClassName="grid grid-cols-2 gap-3"
      >
        <NumberField
          label={t("parameters.maxRetries")}
          value={parameters.maxRetries}
          onChange={(value) => setParameter("maxRetries", value ?? 0)}
          min={limits.maxRetries.min}
          max={limits.maxRetries.max}
          integer
        />
        <NumberField
          label={t("parameters.presencePenalty")}
          value={parameters.presencePenalty}
          onChange={(value) => setParameter("presencePenalty", value)}
          min={limits.penalty.min}
          max={limits.penalty.max}
          step={0.1}
          placeholder={t("parameters.notSet")}
        />
        <NumberField
          label={t("parameters.frequencyPenalty")}
          value={parameters.frequencyPenalty}
          onChange={(value) => setParameter("frequencyPenalty", value)}
          min={limits.penalty.min}
          max={limits.penalty.max}
          step={0.1}
          placeholder={t("parameters.notSet")}
        />
      </SamplingFields>
      {model?.reasoning || parameters.reasoningEffort !== null ? (
        <ReasoningEffortField
          value={parameters.reasoningEffort}
          onChange={(value) => setParameter("reasoningEffort", value)}
          hint={
            needsReasoningPromptMode(parameters.model, parameters.reasoningEffort)
              ? t("parameters.promptModeHint")
              : t("parameters.reasoningHint")
          }
        />
      ) : null}
      <StopSequencesField value={parameters.stop} onChange={(stop) => setParameter("stop", stop)} />
      <label className="flex items-center gap-2 text-sm">
        <input
          type="checkbox"
          checked={parameters.safePrompt}
          onChange={(event) => setParameter("safePrompt", event.target.checked)}
          className="accent-accent"
        />
        {t("parameters.safePrompt")}
      </label>
      <PredictionField value={parameters.prediction} onChange={(text) => setParameter("prediction", text)} />
      <ResponseFormatField />
    </section>
  );
}
