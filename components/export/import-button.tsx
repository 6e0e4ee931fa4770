"use client";

import { FilePickerButton } from "@/components/ui/file-picker-button";
import { useTranslations } from "next-intl";
import { importTranscriptFile } from "@/lib/run/transcript-import";

/** "Import": opens a transcript JSON file chosen in the file picker. */
export function ImportButton() {
  const t = useTranslations();
  return (
    <FilePickerButton
      size="sm"
      title={t("transfer.importHint")}
      accept=".json,.md,.markdown,application/json,text/markdown"
      onFile={(file) => void importTranscriptFile(file)}
    >
      {t("transfer.import")}
    </FilePickerButton>
  );
}
