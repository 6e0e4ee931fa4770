"use client";

import { parameterLimits } from "@/lib/chat/limits";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { NumberField } from "./number-field";

const { min, max } = parameterLimits.temperature;

/** Temperature as a slider and a number; empty means the model's own default. */
export function TemperatureField({
  value,
  modelDefault,
  onChange,
}: {
  value: number | null;
  modelDefault: number;
  onChange: (value: number | null) => void;
}) {
  const t = useTranslations();
  return (
    <div className="space-y-1">
      <NumberField
        label={t("parameters.temperature")}
        value={value}
        onChange={onChange}
        min={min}
        max={max}
        step={0.05}
        placeholder={t("parameters.modelDefault", { value: modelDefault })}
      />
      <div className="flex items-center gap-2">
        <input
          type="range"
          aria-label={t("parameters.temperature")}
          min={min}
          max={max}
          step={0.05}
          value={value ?? modelDefault}
          onChange={(event) => onChange(Number(event.target.value))}
          className="w-full accent-accent"
        />
        {value !== null ? (
          <Button size="sm" variant="ghost" className="shrink-0 whitespace-nowrap" onClick={() => onChange(null)}>
            {t("parameters.useDefault")}
          </Button>
        ) : null}
      </div>
    </div>
  );
}
