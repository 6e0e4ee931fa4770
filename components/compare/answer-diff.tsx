"use client";

import { diffWords } from "diff";
import { useId, useState } from "react";
import { inputClass } from "@/components/ui/field";
import type { Variant } from "@/lib/compare/variants";
import { useTranslations } from "next-intl";
import { useCompare } from "@/lib/store/compare-store";

/** A word-level diff between the answers of any two variants. */
export function AnswerDiff({ variants }: { variants: readonly Variant[] }) {
  const t = useTranslations();
  const id = useId();
  const answers = useCompare((s) => s.answers);
  const answered = variants.filter((v) => answers[v.id]?.content);
  const [from, setFrom] = useState<string>();
  const [to, setTo] = useState<string>();
  const fromId = answered.some((v) => v.id === from) ? from : answered[0]?.id;
  const toId = answered.some((v) => v.id === to) ? to : answered.find((v) => v.id !== fromId)?.id;
  const before = fromId ? (answers[fromId]?.content ?? "") : "";
  const after = toId ? (answers[toId]?.content ?? "") : "";

  return (
    <details className="rounded-lg border border-border bg-surface p-3">
      <summary className="cursor-pointer text-sm font-semibold">{t("compare.diff")}</summary>
      {answered.length < 2 ? (
        <p className="mt-2 text-sm text-muted">{t("compare.diffEmpty")}</p>
      ) : (
        <div className="mt-2 flex flex-col gap-2">
          <div className="flex flex-wrap gap-3 text-xs">
            {[
              { label: t("compare.diffFrom"), value: fromId, set: setFrom },
              { label: t("compare.diffTo"), value: toId, set: setTo },
            ].map(({ label, value, set }) => (
              <label key={label} className="flex items-center gap-2 text-muted">
                {label}
                <select className={`${inputClass} w-48`} value={value} onChange={(event) => set(event.target.value)}>
                  {answered.map((v) => (
                    <option key={v.id} value={v.id}>
                      {v.name}
                    </option>
                  ))}
                </select>
              </label>
            ))}
          </div>
          <p
            aria-label={t("compare.diffLabel")}
            id={id}
            className="rounded-md bg-surface-2 p-2 text-sm leading-relaxed wrap-anywhere whitespace-pre-wrap"
          >
            {diffWords(before, after).map((part, index) =>
              part.added ? (
                <ins key={index} className="bg-success/15 text-success no-underline">
                  {part.value}
                </ins>
              ) : part.removed ? (
                <del key={index} className="bg-danger/15 text-danger">
                  {part.value}
                </del>
              ) : (
                <span key={index}>{part.value}</span>
              ),
            )}
          </p>
        </div>
      )}
    </details>
  );
}
