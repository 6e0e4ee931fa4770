"use client";

import { useId, useRef } from "react";
import { Button } from "@/components/ui/button";
import { TRANSCRIPT_MEDIA_TYPES, transcriptFileName, type TranscriptFormat } from "@/lib/export/download";
import { saveFile } from "@/lib/export/save-file";
import { toTranscriptJson } from "@/lib/export/transcript-json";
import { toMarkdown } from "@/lib/export/transcript-markdown";
import { useTranslations } from "next-intl";
import { defaultShareTitle } from "@/lib/shares/share";
import { useWorkspace } from "@/lib/store/workspace-store";
import { snapshotOf } from "@/lib/workspace/snapshot";

/** "Export": the workspace as a Markdown or JSON file. A native popover: Escape and outside clicks close it. */
export function ExportMenu() {
  const t = useTranslations();
  const id = useId();
  const menu = useRef<HTMLDivElement>(null);

  function download(extension: TranscriptFormat) {
    const snapshot = snapshotOf(useWorkspace.getState());
    const title = defaultShareTitle(snapshot);
    const text = extension === "md" ? toMarkdown({ title, snapshot }) : toTranscriptJson({ title, snapshot });
    saveFile(text, transcriptFileName(title, extension), TRANSCRIPT_MEDIA_TYPES[extension]);
    menu.current?.hidePopover();
  }

  return (
    <>
      <Button size="sm" popoverTarget={`${id}-menu`} className="[anchor-name:--export-menu]">
        {t("transfer.export")}
      </Button>
      <div
        ref={menu}
        id={`${id}-menu`}
        popover="auto"
        aria-label={t("transfer.exportMenu")}
        className="inset-auto m-0 mt-1 flex-col gap-1 rounded-md border border-border bg-surface p-1 text-fg shadow-md [position-anchor:--export-menu] [position-area:bottom_span-right] open:flex"
      >
        <Button size="sm" variant="ghost" className="justify-start" onClick={() => download("md")}>
          {t("transfer.downloadMarkdown")}
        </Button>
        <Button size="sm" variant="ghost" className="justify-start" onClick={() => download("json")}>
          {t("transfer.downloadJson")}
        </Button>
      </div>
    </>
  );
}
