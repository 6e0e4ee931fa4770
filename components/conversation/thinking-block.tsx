"use client";

import { useId, useState } from "react";
import { useTranslations } from "next-intl";

/**
 * The model's thinking, apart from the answer: a disclosure button **Thinking** with its length.
 * While it streams it is open until the answer starts (`open`), then collapsed; the user's toggle
 * wins from then on.
 */
export function ThinkingBlock({ text, open }: { text: string; open: boolean }) {
  const t = useTranslations();
  const id = useId();
  const [toggled, setToggled] = useState<boolean | null>(null);
  const expanded = toggled ?? open;
  return (
    <div className="mb-2 rounded-md border border-border bg-bg/60 text-sm">
      <div className="flex items-center gap-2 px-2 py-1">
        <button
          type="button"
          aria-expanded={expanded}
          aria-controls={id}
          className="text-xs font-medium text-muted hover:text-fg"
          onClick={() => setToggled(!expanded)}
        >
          <span aria-hidden>{expanded ? "▾ " : "▸ "}</span>
          {t("reasoning.thinking")}
        </button>
        <span className="text-xs text-muted tabular-nums">{t("reasoning.length", { n: text.length })}</span>
      </div>
      <div
        id={id}
        hidden={!expanded}
        className="border-t border-border px-2 py-1 text-xs wrap-anywhere whitespace-pre-wrap text-muted"
      >
        {text}
      </div>
    </div>
  );
}
