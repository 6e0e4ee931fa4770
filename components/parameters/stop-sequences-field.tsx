"use client";

import { useState } from "react";
import { TextareaField } from "@/components/ui/textarea-field";
import { parameterLimits } from "@/lib/chat/limits";
import { useTranslations } from "next-intl";

/** Stop sequences, one a line (escape sequences like \n are written as typed). */
export function StopSequencesField({ value, onChange }: { value: string[]; onChange: (stop: string[]) => void }) {
  const t = useTranslations();
  const [draft, setDraft] = useState<string | null>(null);
  const text = draft ?? value.join("\n");
  const lines = text.split("\n").filter((line) => line !== "");
  const tooMany = lines.length > parameterLimits.stopSequences;
  return (
    <TextareaField
      label={t("parameters.stop")}
      hint={t("parameters.stopHint")}
      error={tooMany ? t("parameters.tooManyStops", { max: parameterLimits.stopSequences }) : undefined}
      value={text}
      onChange={(event) => {
        setDraft(event.target.value);
        const next = event.target.value.split("\n").filter((line) => line !== "");
        if (next.length <= parameterLimits.stopSequences) onChange(next);
      }}
      onBlur={() => {
        if (!tooMany) setDraft(null);
      }}
    />
  );
}
