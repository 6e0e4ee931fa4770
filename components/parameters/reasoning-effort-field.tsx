"use client";

import { useId } from "react";
import { Field, inputClass } from "@/components/ui/field";
import { useTranslations } from "next-intl";
import { REASONING_EFFORTS, reasoningEffortSchema, type ReasoningEffort } from "@/lib/workspace/model";

/** Mistral's `reasoning_effort`; empty is the model's default (nothing sent). */
export function ReasoningEffortField({
  value,
  onChange,
  hint,
}: {
  value: ReasoningEffort | null;
  onChange: (value: ReasoningEffort | null) => void;
  hint: string;
}) {
  const t = useTranslations();
  const id = useId();
  return (
    <Field id={id} label={t("parameters.reasoningEffort")} hint={hint}>
      <select
        id={id}
        className={inputClass}
        value={value ?? ""}
        aria-describedby={`${id}-hint`}
        onChange={(event) => {
          const parsed = reasoningEffortSchema.safeParse(event.target.value);
          onChange(parsed.success ? parsed.data : null);
        }}
      >
        <option value="">{t("parameters.reasoningDefault")}</option>
        {REASONING_EFFORTS.map((effort) => (
          <option key={effort} value={effort}>
            {effort}
          </option>
        ))}
      </select>
    </Field>
  );
}
