"use client";

import { useId, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/field";
import { format, messages as t } from "@/lib/i18n";
import { searchPrompts, type SavedPrompt } from "@/lib/prompts/library";
import { openSavedPrompt, usePrompts } from "@/lib/store/prompts-store";
import { PromptHistory } from "./prompt-history";
import { SavedPromptItem } from "./saved-prompt-item";

/** The saved prompts: search, load, rename, duplicate, delete, and each one's history. */
export function SavedPromptsButton({ onStatus }: { onStatus: (message: string) => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const id = useId();
  const prompts = usePrompts((s) => s.prompts);
  const activeId = usePrompts((s) => s.activeId);
  const [query, setQuery] = useState("");
  const [historyOf, setHistoryOf] = useState<string | null>(null);
  // Shown inside the dialog: the page's status line is behind it.
  const [error, setError] = useState<string>();
  const shown = historyOf ? prompts.find((prompt) => prompt.id === historyOf) : undefined;
  const results = searchPrompts(prompts, query);

  function open(prompt: SavedPrompt, version?: number) {
    const opened = openSavedPrompt(prompt.id, version);
    if (!opened.ok) return setError(opened.error.message);
    const values = { name: prompt.name, n: opened.value.version };
    onStatus(format(version === undefined ? t.prompts.loaded : t.prompts.restored, values));
    dialog.current?.close();
  }

  return (
    <>
      <Button
        size="sm"
        onClick={() => {
          setHistoryOf(null);
          setError(undefined);
          dialog.current?.showModal();
        }}
      >
        {t.prompts.library}
      </Button>
      <dialog
        ref={dialog}
        aria-labelledby={`${id}-title`}
        className="m-auto max-h-[85vh] w-[min(44rem,94vw)] rounded-lg border border-border bg-surface p-4 text-fg backdrop:bg-black/40"
      >
        <div className="space-y-3">
          <div className="flex items-center justify-between gap-2">
            <h2 id={`${id}-title`} className="text-base font-semibold">
              {shown ? format(t.prompts.historyLabel, { name: shown.name }) : t.prompts.library}
            </h2>
            <div className="flex gap-2">
              {shown ? (
                <Button size="sm" variant="ghost" onClick={() => setHistoryOf(null)}>
                  {t.prompts.back}
                </Button>
              ) : null}
              <Button size="sm" variant="ghost" onClick={() => dialog.current?.close()}>
                {t.prompts.close}
              </Button>
            </div>
          </div>
          {error ? (
            <p role="alert" className="rounded-md border border-danger/40 bg-danger/10 p-2 text-sm">
              {error}
            </p>
          ) : null}
          {shown ? (
            <PromptHistory key={shown.id} prompt={shown} onRestore={(version) => open(shown, version)} />
          ) : (
            <>
              <Input
                type="search"
                aria-label={t.prompts.search}
                placeholder={t.prompts.searchPlaceholder}
                value={query}
                onChange={(event) => setQuery(event.target.value)}
              />
              {prompts.length === 0 ? (
                <p className="text-sm text-muted">{t.prompts.none}</p>
              ) : results.length === 0 ? (
                <p className="text-sm text-muted">{format(t.prompts.noMatch, { query })}</p>
              ) : (
                <ul aria-label={t.prompts.library} className="space-y-2">
                  {results.map((prompt) => (
                    <SavedPromptItem
                      key={prompt.id}
                      prompt={prompt}
                      active={prompt.id === activeId}
                      onLoad={() => open(prompt)}
                      onHistory={() => setHistoryOf(prompt.id)}
                      onError={setError}
                    />
                  ))}
                </ul>
              )}
            </>
          )}
        </div>
      </dialog>
    </>
  );
}
