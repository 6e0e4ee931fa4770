"use client";

import { TextareaField } from "@/components/ui/textarea-field";
import { parameterLimits } from "@/lib/chat/limits";
import { useTranslations } from "next-intl";

/** Predicted output: empty is not sent; a text over the limit is kept in the field but refused by Run. */
export function PredictionField({ value, onChange }: { value: string; onChange: (text: string) => void }) {
  const t = useTranslations();
  const tooLong = value.length > parameterLimits.predictionChars;
  return (
    <TextareaField
      label={t("parameters.prediction")}
      hint={t("parameters.predictionHint")}
      error={tooLong ? t("parameters.predictionTooLong", { max: parameterLimits.predictionChars }) : undefined}
      value={value}
      onChange={(event) => onChange(event.target.value)}
    />
  );
}
