"use client";

import { useId } from "react";
import { Field } from "@/components/ui/field";
import { Textarea } from "@/components/ui/textarea";
import { parameterLimits } from "@/lib/chat/limits";
import { format, messages as t } from "@/lib/i18n";

/** Predicted output: empty is not sent; a text over the limit is kept in the field but refused by Run. */
export function PredictionField({ value, onChange }: { value: string; onChange: (text: string) => void }) {
  const id = useId();
  const tooLong = value.length > parameterLimits.predictionChars;
  return (
    <Field
      id={id}
      label={t.parameters.prediction}
      hint={t.parameters.predictionHint}
      error={tooLong ? format(t.parameters.predictionTooLong, { max: parameterLimits.predictionChars }) : undefined}
    >
      <Textarea
        id={id}
        rows={2}
        value={value}
        aria-invalid={tooLong ? true : undefined}
        onChange={(event) => onChange(event.target.value)}
      />
    </Field>
  );
}
