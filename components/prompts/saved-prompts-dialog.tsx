"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/field";
import { Modal } from "@/components/ui/modal";
import { useTranslations } from "next-intl";
import { searchPrompts, type SavedPrompt } from "@/lib/prompts/library";
import { usePrompts } from "@/lib/store/prompts-store";
import { openSavedPrompt } from "@/lib/run/transcript-import";
import { PromptHistory } from "./prompt-history";
import { SavedPromptItem } from "./saved-prompt-item";

/** The saved prompts: search, load, rename, duplicate, delete, and each one's history. */
export function SavedPromptsButton({ onStatus }: { onStatus: (message: string) => void }) {
  const t = useTranslations();
  const [isOpen, setOpen] = useState(false);
  const prompts = usePrompts((s) => s.prompts);
  const activeId = usePrompts((s) => s.activeId);
  const [query, setQuery] = useState("");
  const [historyOf, setHistoryOf] = useState<string | null>(null);
  // Shown inside the dialog: the page's status line is behind it.
  const [error, setError] = useState<string>();
  const shown = historyOf ? prompts.find((prompt) => prompt.id === historyOf) : undefined;
  const results = searchPrompts(prompts, query);

  function open(prompt: SavedPrompt, version?: number) {
    // Asking whether to replace the workspace, when there is work to lose, is a dialog of its own.
    const opened = openSavedPrompt(prompt.id, version);
    if (!opened.ok) return setError(opened.error.message);
    setOpen(false);
    const message = t(version === undefined ? "prompts.loaded" : "prompts.restored", {
      name: prompt.name,
      n: opened.value.version,
    });
    void opened.value.replaced.then((answer) => answer === "replaced" && onStatus(message));
  }

  return (
    <>
      <Button
        size="sm"
        onClick={() => {
          setHistoryOf(null);
          setError(undefined);
          setOpen(true);
        }}
      >
        {t("prompts.library")}
      </Button>
      <Modal
        open={isOpen}
        onClose={() => setOpen(false)}
        title={shown ? t("prompts.historyLabel", { name: shown.name }) : t("prompts.library")}
        className="max-h-[85vh] w-[min(44rem,94vw)]"
        actions={
          <>
            {shown ? (
              <Button size="sm" variant="ghost" onClick={() => setHistoryOf(null)}>
                {t("prompts.back")}
              </Button>
            ) : null}
            <Button size="sm" variant="ghost" onClick={() => setOpen(false)}>
              {t("prompts.close")}
            </Button>
          </>
        }
      >
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
              aria-label={t("prompts.search")}
              placeholder={t("prompts.searchPlaceholder")}
              value={query}
              onChange={(event) => setQuery(event.target.value)}
            />
            {prompts.length === 0 ? (
              <p className="text-sm text-muted">{t("prompts.none")}</p>
            ) : results.length === 0 ? (
              <p className="text-sm text-muted">{t("prompts.noMatch", { query })}</p>
            ) : (
              <ul aria-label={t("prompts.library")} className="space-y-2">
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
      </Modal>
    </>
  );
}
