"use client";

import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/field";
import { useLocale, useTranslations } from "next-intl";
import type { SavedPrompt } from "@/lib/prompts/library";
import { usePrompts } from "@/lib/store/prompts-store";
import { formatSavedAt } from "./saved-at";

type Props = {
  prompt: SavedPrompt;
  active: boolean;
  onLoad: () => void;
  onHistory: () => void;
  onError: (message: string) => void;
};

/** One saved prompt in the library, with its actions; renaming and deleting happen in place. */
export function SavedPromptItem({ prompt, active, onLoad, onHistory, onError }: Props) {
  const t = useTranslations();
  const locale = useLocale();
  const id = useId();
  const [mode, setMode] = useState<"view" | "rename" | "delete">("view");
  const [draft, setDraft] = useState(prompt.name);
  const [error, setError] = useState<string>();
  const count = prompt.versions.length;

  function rename() {
    const renamed = usePrompts.getState().rename(prompt.id, draft);
    if (!renamed.ok) return setError(renamed.error.message);
    setError(undefined);
    setMode("view");
  }

  function duplicate() {
    const duplicated = usePrompts.getState().duplicate(prompt.id);
    if (!duplicated.ok) onError(duplicated.error.message);
  }

  return (
    <li aria-label={prompt.name} className="space-y-2 rounded-md border border-border p-2">
      {mode === "rename" ? (
        <form
          className="flex items-center gap-2"
          onSubmit={(event) => {
            event.preventDefault();
            rename();
          }}
        >
          <Input
            aria-label={t("prompts.renameLabel", { name: prompt.name })}
            value={draft}
            autoFocus
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${id}-error` : undefined}
            onChange={(event) => setDraft(event.target.value)}
          />
          <Button size="sm" type="submit" variant="primary">
            {t("common.save")}
          </Button>
          <Button size="sm" variant="ghost" onClick={() => setMode("view")}>
            {t("common.cancel")}
          </Button>
        </form>
      ) : (
        <div className="flex flex-wrap items-baseline gap-x-2">
          <span className="font-medium break-all">{prompt.name}</span>
          {active ? (
            <span className="rounded bg-accent/15 px-1.5 text-xs text-accent">{t("prompts.active")}</span>
          ) : null}
          <span className="text-xs text-muted">
            {t("prompts.versions", { n: count })} ·{" "}
            {t("prompts.updated", { date: formatSavedAt(prompt.updatedAt, locale) })}
          </span>
        </div>
      )}
      {error ? (
        <p id={`${id}-error`} className="text-xs text-danger">
          {error}
        </p>
      ) : null}
      {mode === "delete" ? (
        <div className="flex flex-wrap items-center gap-2 text-sm">
          <span>
            {t("prompts.confirmDelete", {
              name: prompt.name,
              n: count,
            })}
          </span>
          <Button size="sm" variant="danger" onClick={() => usePrompts.getState().remove(prompt.id)}>
            {t("prompts.delete")}
          </Button>
          <Button size="sm" variant="ghost" onClick={() => setMode("view")}>
            {t("common.cancel")}
          </Button>
        </div>
      ) : mode === "view" ? (
        <div className="flex flex-wrap gap-1">
          <Button size="sm" variant="primary" onClick={onLoad}>
            {t("prompts.load")}
          </Button>
          <Button size="sm" onClick={onHistory}>
            {t("prompts.history")}
          </Button>
          <Button
            size="sm"
            variant="ghost"
            onClick={() => {
              setDraft(prompt.name);
              setMode("rename");
            }}
          >
            {t("prompts.rename")}
          </Button>
          <Button size="sm" variant="ghost" onClick={duplicate}>
            {t("prompts.duplicate")}
          </Button>
          <Button size="sm" variant="ghost" onClick={() => setMode("delete")}>
            {t("prompts.delete")}
          </Button>
        </div>
      ) : null}
    </li>
  );
}
