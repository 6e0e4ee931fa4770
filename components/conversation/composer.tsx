"use client";

import { useState } from "react";
import { AttachControls, imageInputHandlers } from "@/components/attachments/attach-controls";
import { AttachmentList } from "@/components/attachments/attachment-list";
import { RunStopButton } from "@/components/ui/run-stop-button";
import { Textarea } from "@/components/ui/textarea";
import { useTranslations } from "next-intl";
import { useImageStorage } from "@/lib/store/image-storage";
import { useWorkspace } from "@/lib/store/workspace-store";

/**
 * The next human turn, with its images and documents, and Run and Stop. Images come by the picker,
 * by paste or by drop. Pinned to the bottom of the window by the conversation.
 */
export function Composer({ running, onRun, onStop }: { running: boolean; onRun: () => void; onStop: () => void }) {
  const t = useTranslations();
  const composer = useWorkspace((s) => s.composer);
  const attachments = useWorkspace((s) => s.composerAttachments);
  const { addComposerAttachments, removeComposerAttachment } = useWorkspace.getState();
  const [attachError, setAttachError] = useState<string | null>(null);
  const storageFull = useImageStorage((s) => s.full);
  return (
    <section
      className="rounded-lg border border-border bg-surface p-3 shadow-sm"
      {...imageInputHandlers(addComposerAttachments, setAttachError)}
    >
      <label htmlFor="composer" className="sr-only">
        {t("conversation.composerLabel")}
      </label>
      <Textarea
        id="composer"
        aria-label={t("conversation.composerLabel")}
        placeholder={t("conversation.composerPlaceholder")}
        value={composer}
        onChange={(event) => useWorkspace.getState().setComposer(event.target.value)}
        className="min-h-16"
      />
      <AttachmentList attachments={attachments} onRemove={removeComposerAttachment} />
      {attachError || storageFull ? (
        <p role="alert" className="mt-1 text-xs text-danger">
          {attachError ?? t("attachments.storageFull")}
        </p>
      ) : null}
      <div className="mt-2 flex flex-wrap items-center justify-between gap-2">
        <AttachControls onAdd={addComposerAttachments} onError={setAttachError} />
        {/* Touch screens have no keyboard to press it with. */}
        <p className="text-xs text-muted pointer-coarse:hidden">{t("conversation.shortcut")}</p>
        <RunStopButton
          running={running}
          onRun={onRun}
          onStop={onStop}
          runLabel={t("conversation.run")}
          stopLabel={t("conversation.stop")}
        />
      </div>
    </section>
  );
}
