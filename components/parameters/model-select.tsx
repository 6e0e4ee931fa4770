"use client";

import { useId } from "react";
import type { ChatModel, ModelList } from "@/lib/mistral/catalogue";
import { format, messages as t } from "@/lib/i18n";
import { formatInteger } from "@/components/usage/format";
import { inputClass } from "@/components/ui/field";

export function ModelSelect({
  value,
  onChange,
  list,
  current,
  label = t.parameters.model,
}: {
  value: string;
  onChange: (id: string) => void;
  list: ModelList | undefined;
  current: ChatModel | undefined;
  label?: string;
}) {
  const id = useId();
  const models = list?.models ?? [];
  const known = models.some((m) => m.id === value);
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-xs font-medium text-muted">
        {label}
      </label>
      <select id={id} className={inputClass} value={value} onChange={(event) => onChange(event.target.value)}>
        {known ? null : <option value={value}>{value}</option>}
        {models.map((m) => (
          <option key={m.id} value={m.id}>
            {m.deprecation ? `${m.id} (${t.parameters.deprecated})` : m.id}
          </option>
        ))}
      </select>
      {current ? (
        <p className="text-xs text-muted">
          {[
            current.name !== current.id ? current.name : null,
            current.contextLength
              ? format(t.parameters.context, { tokens: formatInteger(current.contextLength) })
              : null,
          ]
            .filter(Boolean)
            .join(" · ")}
        </p>
      ) : null}
      {list?.source === "builtin" ? (
        <p className="rounded bg-warning/15 px-2 py-1 text-xs text-warning" data-testid="model-list-notice">
          {t.parameters.builtinNotice[(list.notice ?? "unreachable") as keyof typeof t.parameters.builtinNotice] ??
            t.parameters.builtinNotice.unreachable}
        </p>
      ) : null}
    </div>
  );
}
