"use client";

import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/field";
import { Modal } from "@/components/ui/modal";
import { format, messages as t } from "@/lib/i18n";
import { latestVersion, type SavedPrompt } from "@/lib/prompts/library";
import { promptSelectors, usePrompts } from "@/lib/store/prompts-store";
import { useWorkspace } from "@/lib/store/workspace-store";
import { savedSnapshotOf } from "@/lib/workspace/snapshot";

type Mode = "version" | "new";

/**
 * "Save prompt": the workspace, its composer included, as the next version of the saved prompt it came from, or as a new
 * saved prompt. Saving what the latest version already holds adds no version.
 */
export function SavePromptButton({ onStatus }: { onStatus: (message: string) => void }) {
  const [isOpen, setOpen] = useState(false);
  const id = useId();
  const [active, setActive] = useState<SavedPrompt>();
  const [mode, setMode] = useState<Mode>("new");
  const [name, setName] = useState("");
  const [note, setNote] = useState("");
  const [error, setError] = useState<string>();

  function open() {
    const current = promptSelectors.active(usePrompts.getState());
    setActive(current);
    setMode(current ? "version" : "new");
    setName(current?.name ?? "");
    setNote("");
    setError(undefined);
    setOpen(true);
  }

  function save() {
    const target = mode === "version" ? active?.id : undefined;
    const snapshot = savedSnapshotOf(useWorkspace.getState());
    const saved = usePrompts.getState().save({ name, snapshot, id: target, note });
    if (!saved.ok) {
      setError(saved.error.message);
      return;
    }
    const { prompt, versionAdded } = saved.value;
    const values = { name: prompt.name, n: latestVersion(prompt).version };
    const renamed = active !== undefined && prompt.id === active.id && prompt.name !== active.name;
    onStatus(format(versionAdded ? t.prompts.saved : renamed ? t.prompts.renamedOnly : t.prompts.unchanged, values));
    setOpen(false);
  }

  return (
    <>
      <Button size="sm" onClick={open}>
        {t.prompts.savePrompt}
      </Button>
      <Modal open={isOpen} onClose={() => setOpen(false)} title={t.prompts.saveTitle}>
        <form
          className="space-y-3"
          onSubmit={(event) => {
            event.preventDefault();
            save();
          }}
        >
          {active ? (
            <fieldset className="space-y-1 text-sm">
              {(["version", "new"] as const).map((option) => (
                <label key={option} className="flex items-center gap-2">
                  <input
                    type="radio"
                    name={`${id}-mode`}
                    checked={mode === option}
                    onChange={() => {
                      setMode(option);
                      setName(option === "version" ? active.name : "");
                    }}
                    className="accent-accent"
                  />
                  {option === "version"
                    ? format(t.prompts.asVersion, { name: active.name, n: latestVersion(active).version + 1 })
                    : t.prompts.asNew}
                </label>
              ))}
            </fieldset>
          ) : null}
          <Field id={`${id}-name`} label={t.prompts.name} error={error}>
            <Input
              id={`${id}-name`}
              value={name}
              required
              autoFocus
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? `${id}-name-error` : undefined}
              onChange={(event) => setName(event.target.value)}
            />
          </Field>
          <Field id={`${id}-note`} label={t.prompts.note}>
            <Input
              id={`${id}-note`}
              value={note}
              placeholder={t.prompts.notePlaceholder}
              onChange={(event) => setNote(event.target.value)}
            />
          </Field>
          <div className="flex justify-end gap-2">
            <Button variant="ghost" onClick={() => setOpen(false)}>
              {t.common.cancel}
            </Button>
            <Button type="submit" variant="primary">
              {t.common.save}
            </Button>
          </div>
        </form>
      </Modal>
    </>
  );
}
