"use client";

import { useRef } from "react";
import { Button } from "@/components/ui/button";
import { messages as t } from "@/lib/i18n";
import { useTranscriptImport } from "@/lib/store/transcript-import-store";

/** "Import": opens a transcript JSON file chosen in the file picker. */
export function ImportButton() {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <Button size="sm" title={t.transfer.importHint} onClick={() => input.current?.click()}>
        {t.transfer.import}
      </Button>
      <input
        ref={input}
        type="file"
        accept=".json,application/json"
        hidden
        onChange={(event) => {
          const file = event.target.files?.[0];
          // Cleared so that choosing the same file again still counts as a change.
          event.target.value = "";
          if (file) void useTranscriptImport.getState().importFile(file);
        }}
      />
    </>
  );
}
