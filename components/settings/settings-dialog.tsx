"use client";

import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/field";
import { Modal } from "@/components/ui/modal";
import { messages as t } from "@/lib/i18n";
import { useSettings } from "@/lib/store/settings-store";

export function SettingsButton({ serverHasKey }: { serverHasKey: boolean }) {
  const open = useSettings((s) => s.dialogOpen);
  const close = () => useSettings.getState().setDialogOpen(false);

  return (
    <>
      <Button size="sm" onClick={() => useSettings.getState().setDialogOpen(true)}>
        {t.settings.open}
      </Button>
      <Modal open={open} onClose={close} title={t.settings.title}>
        {/* Mounted while open, so that each opening starts from the key as saved. */}
        {open ? <SettingsForm serverHasKey={serverHasKey} close={close} /> : null}
      </Modal>
    </>
  );
}

function SettingsForm({ serverHasKey, close }: { serverHasKey: boolean; close: () => void }) {
  const apiKey = useSettings((s) => s.apiKey);
  const [draft, setDraft] = useState(apiKey);
  const id = useId();
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        useSettings.getState().setApiKey(draft);
        close();
      }}
      className="space-y-3"
    >
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
        <Button variant="ghost" onClick={close}>
          {t.common.cancel}
        </Button>
        {apiKey ? (
          <Button
            variant="danger"
            onClick={() => {
              useSettings.getState().setApiKey("");
              close();
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
  );
}
