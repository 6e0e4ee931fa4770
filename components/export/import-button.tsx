"use client";

import { FilePickerButton } from "@/components/ui/file-picker-button";
import { messages as t } from "@/lib/i18n";
import { importTranscriptFile } from "@/lib/run/transcript-import";

/** "Import": opens a transcript JSON file chosen in the file picker. */
export function ImportButton() {
  return (
    <FilePickerButton
      size="sm"
      title={t.transfer.importHint}
      accept=".json,.md,.markdown,application/json,text/markdown"
      onFile={(file) => void importTranscriptFile(file)}
    >
      {t.transfer.import}
    </FilePickerButton>
  );
}
