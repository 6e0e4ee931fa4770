"use client";

import { useEffect, useState } from "react";
import { useTranslations } from "next-intl";
import { importTranscriptFile } from "@/lib/run/transcript-import";
import { useWorkspaceReplacement } from "@/lib/store/workspace-replacement-store";

function carriesFiles(event: DragEvent): boolean {
  return event.dataTransfer?.types.includes("Files") ?? false;
}

/**
 * Makes the whole page a drop target for transcript files. A drop that a panel of its own
 * already handled (`preventDefault`) is left alone.
 */
export function TranscriptDropZone() {
  const t = useTranslations();
  const [dragging, setDragging] = useState(false);

  useEffect(() => {
    // dragenter and dragleave fire for every element crossed; the depth says when the pointer left the page.
    let depth = 0;
    const onEnter = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      depth += 1;
      setDragging(true);
    };
    const onLeave = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setDragging(false);
    };
    const onOver = (event: DragEvent) => {
      if (!carriesFiles(event) || event.defaultPrevented) return;
      // Without this the browser would open the file in place of the playground.
      event.preventDefault();
      if (event.dataTransfer) event.dataTransfer.dropEffect = "copy";
    };
    const onDrop = (event: DragEvent) => {
      depth = 0;
      setDragging(false);
      if (!carriesFiles(event) || event.defaultPrevented) return;
      event.preventDefault();
      const files = Array.from(event.dataTransfer?.files ?? []);
      if (files.length !== 1 || !files[0]) useWorkspaceReplacement.getState().fail(t("transfer.oneFile"));
      else void importTranscriptFile(files[0]);
    };
    window.addEventListener("dragenter", onEnter);
    window.addEventListener("dragleave", onLeave);
    window.addEventListener("dragover", onOver);
    window.addEventListener("drop", onDrop);
    return () => {
      window.removeEventListener("dragenter", onEnter);
      window.removeEventListener("dragleave", onLeave);
      window.removeEventListener("dragover", onOver);
      window.removeEventListener("drop", onDrop);
    };
  }, [t]);

  return dragging ? (
    <div className="pointer-events-none fixed inset-3 z-50 flex items-center justify-center rounded-xl border-2 border-dashed border-accent bg-bg/85">
      <p className="rounded-md bg-surface px-4 py-2 text-sm font-medium shadow">{t("transfer.dropHere")}</p>
    </div>
  ) : null;
}
