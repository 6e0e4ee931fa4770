"use client";

import { useId, useState } from "react";
import { Field } from "@/components/ui/field";
import { Textarea } from "@/components/ui/textarea";
import { parameterLimits } from "@/lib/chat/limits";
import { format, messages as t } from "@/lib/i18n";

/** Stop sequences, one a line (escape sequences like \n are written as typed). */
export function StopSequencesField({ value, onChange }: { value: string[]; onChange: (stop: string[]) => void }) {
  const id = useId();
  const [draft, setDraft] = useState<string | null>(null);
  const text = draft ?? value.join("\n");
  const lines = text.split("\n").filter((line) => line !== "");
  const tooMany = lines.length > parameterLimits.stopSequences;
  return (
    <Field
      id={id}
      label={t.parameters.stop}
      hint={t.parameters.stopHint}
      error={tooMany ? format(t.parameters.tooManyStops, { max: parameterLimits.stopSequences }) : undefined}
    >
      <Textarea
        id={id}
        rows={2}
        value={text}
        aria-invalid={tooMany ? true : undefined}
        onChange={(event) => {
          setDraft(event.target.value);
          const next = event.target.value.split("\n").filter((line) => line !== "");
          if (next.length <= parameterLimits.stopSequences) onChange(next);
        }}
        onBlur={() => {
          if (!tooMany) setDraft(null);
        }}
      />
    </Field>
  );
}
