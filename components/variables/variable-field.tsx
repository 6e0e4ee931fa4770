"use client";

import { useId } from "react";
import { Textarea } from "@/components/ui/textarea";
import { useTranslations } from "next-intl";

/** One template variable's value. Its accessible name is the variable's name, nothing more. */
export function VariableField({
  name,
  value,
  onChange,
}: {
  name: string;
  value: string;
  onChange: (value: string) => void;
}) {
  const t = useTranslations();
  const id = useId();
  const missing = value === "";
  return (
    <div className="space-y-1">
      <div className="flex items-baseline justify-between gap-2 text-xs">
        <span className="font-mono font-medium text-fg">
          <span aria-hidden className="text-muted">
            {"{"}
          </span>
          <label htmlFor={id}>{name}</label>
          <span aria-hidden className="text-muted">
            {"}"}
          </span>
        </span>
        {missing ? (
          <span id={`${id}-missing`} className="text-warning">
            {t("variables.missing")}
          </span>
        ) : null}
      </div>
      <Textarea
        id={id}
        rows={1}
        value={value}
        placeholder={t("variables.valuePlaceholder")}
        aria-describedby={missing ? `${id}-missing` : undefined}
        onChange={(event) => onChange(event.target.value)}
        className="max-h-40 min-h-8 px-2 py-1"
      />
    </div>
  );
}
