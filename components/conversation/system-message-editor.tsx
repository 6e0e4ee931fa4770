"use client";

import { Textarea } from "@/components/ui/textarea";
import { useTranslations } from "next-intl";
import { useWorkspace } from "@/lib/store/workspace-store";

export function SystemMessageEditor() {
  const t = useTranslations();
  const system = useWorkspace((s) => s.system);
  return (
    <section className="rounded-lg border border-border bg-surface p-3">
      <label htmlFor="system-message" className="mb-2 block text-xs font-semibold tracking-wide text-muted uppercase">
        {t("conversation.systemLabel")}
      </label>
      <Textarea
        id="system-message"
        aria-label={t("conversation.systemLabel")}
        placeholder={t("conversation.systemPlaceholder")}
        value={system}
        onChange={(event) => useWorkspace.getState().setSystem(event.target.value)}
      />
    </section>
  );
}
