"use client";

import { useId } from "react";
import { ModelSelect } from "@/components/parameters/model-select";
import { TextareaField } from "@/components/ui/textarea-field";
import { MAX_RUBRIC_CHARS } from "@/lib/compare/judge";
import { messages as t } from "@/lib/i18n";
import { findModel, type ModelList } from "@/lib/mistral/catalogue";
import { useCompare } from "@/lib/store/compare-store";

/** The comparison's judge: on or off, its model and the rubric it grades every answer against. */
export function JudgeSettings({ list, disabled }: { list: ModelList | undefined; disabled: boolean }) {
  const id = useId();
  const judge = useCompare((s) => s.judge);
  const setJudge = useCompare.getState().setJudge;
  return (
    <section
      aria-labelledby={`${id}-heading`}
      data-enabled={judge.enabled}
      className="group flex flex-col gap-3 rounded-lg border border-border bg-surface p-3"
    >
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id={`${id}-heading`} className="text-sm font-semibold">
          {t.compare.judge.heading}
        </h2>
        <label className="flex items-center gap-2 text-sm">
          <input
            type="checkbox"
            checked={judge.enabled}
            disabled={disabled}
            onChange={(event) => setJudge({ enabled: event.target.checked })}
            className="accent-accent"
          />
          {t.compare.judge.enable}
        </label>
      </div>
      <p className="text-xs text-muted">{t.compare.judge.hint}</p>
      <div className="grid gap-3 group-data-[enabled=false]:opacity-70 md:grid-cols-[minmax(12rem,18rem)_1fr]">
        <ModelSelect
          label={t.compare.judge.model}
          value={judge.model}
          onChange={(model) => setJudge({ model })}
          list={list}
          current={findModel(list?.models ?? [], judge.model)}
        />
        <TextareaField
          label={t.compare.judge.rubric}
          value={judge.rubric}
          maxLength={MAX_RUBRIC_CHARS}
          placeholder={t.compare.judge.rubricPlaceholder}
          error={judge.enabled && judge.rubric.trim() === "" ? t.compare.judge.noRubric : undefined}
          onChange={(event) => setJudge({ rubric: event.target.value })}
          rows={3}
        />
      </div>
    </section>
  );
}
