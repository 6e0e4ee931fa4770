"use client";

import { useId, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/field";
import { messages as t } from "@/lib/i18n";
import { useSettings } from "@/lib/store/settings-store";

export function SettingsButton({ serverHasKey }: { serverHasKey: boolean }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const apiKey = useSettings((s) => s.apiKey);
  const [draft, setDraft] = useState("");
  const id = useId();

  return (
    <>
      <Button
        size="sm"
        onClick={() => {
          setDraft(apiKey);
          dialog.current?.showModal();
        }}
      >
        {t.settings.open}
      </Button>
      <dialog
        ref={dialog}
        aria-labelledby={`${id}-title`}
        className="m-auto w-[min(32rem,92vw)] rounded-lg border border-border bg-surface p-4 text-fg backdrop:bg-black/40"
      >
        <form
          method="dialog"
          onSubmit={() => useSettings.getState().setApiKey(draft)}
          className="space-y-3"
        >
          <h2 id={`${id}-title`} className="text-base font-semibold">
            {t.settings.title}
          </h2>
          <div className="space-y-1">
            <label htmlFor={`${id}-key`} className="block text-sm font-medium">
              {t.settings.apiKey}
            </label>
            <Input
              id={`${id}-key`}
              type="password"
              autoComplete="off"
              spellCheck={false}
              value={draft}
              onChange={(event) => setDraft(event.target.value)}
              placeholder={serverHasKey ? t.settings.serverKeyPlaceholder : t.settings.keyPlaceholder}
            />
            <p className="text-xs text-muted">{t.settings.keyHint}</p>
            <p className="text-xs text-muted">{serverHasKey ? t.settings.serverHasKey : t.settings.serverHasNoKey}</p>
          </div>
          <div className="flex justify-end gap-2">
            <Button variant="ghost" onClick={() => dialog.current?.close()}>
              {t.common.cancel}
            </Button>
            {apiKey ? (
              <Button
                variant="danger"
                onClick={() => {
                  useSettings.getState().setApiKey("");
                  dialog.current?.close();
                }}
              >
                {t.settings.forgetKey}
              </Button>
            ) : null}
            <Button type="submit" variant="primary">
              {t.common.save}
            </Button>
          </div>
        </form>
      </dialog>
    </>
  );
}
