"use client";

import { useId, useState } from "react";
import { Field, Input } from "@/components/ui/field";
import { useTranslations } from "next-intl";

type Props = {
  label: string;
  value: number | null;
  onChange: (value: number | null) => void;
  min: number;
  max: number;
  /** The lower bound itself is not allowed (top P must be above 0). */
  minExclusive?: boolean;
  integer?: boolean;
  step?: number;
  /** Shown when empty: what Mistral uses when the value is not sent. */
  placeholder?: string;
  hint?: string;
};

/**
 * A number the user types. An out-of-range or malformed value stays in the field, marked
 * invalid with the reason, and is never stored: the last valid value is what gets sent.
 */
export function NumberField({
  label,
  value,
  onChange,
  min,
  max,
  minExclusive,
  integer,
  step,
  placeholder,
  hint,
}: Props) {
  const t = useTranslations();
  const id = useId();
  const [draft, setDraft] = useState<string | null>(null);
  const text = draft ?? (value === null ? "" : String(value));

  const problem = (() => {
    if (draft === null || draft.trim() === "") return undefined;
    const n = Number(draft);
    if (!Number.isFinite(n)) return t("parameters.notANumber");
    if (integer && !Number.isInteger(n)) return t("parameters.notAnInteger");
    if (n > max || n < min || (minExclusive && n === min)) {
      return t(minExclusive ? "parameters.outOfRangeExclusive" : "parameters.outOfRange", { min, max });
    }
    return undefined;
  })();

  return (
    <Field id={id} label={label} hint={hint} error={problem}>
      <Input
        id={id}
        type="number"
        inputMode={integer ? "numeric" : "decimal"}
        min={min}
        max={max}
        step={step ?? (integer ? 1 : "any")}
        value={text}
        placeholder={placeholder}
        aria-invalid={problem ? true : undefined}
        aria-describedby={problem ? `${id}-error` : hint ? `${id}-hint` : undefined}
        onChange={(event) => {
          const next = event.target.value;
          setDraft(next);
          if (next.trim() === "") return onChange(null);
          const n = Number(next);
          const valid =
            Number.isFinite(n) &&
            (!integer || Number.isInteger(n)) &&
            n <= max &&
            n >= min &&
            !(minExclusive && n === min);
          if (valid) onChange(n);
        }}
        onBlur={() => {
          if (!problem) setDraft(null);
        }}
      />
    </Field>
  );
}
