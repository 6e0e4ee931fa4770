"use client";

import { Modal } from "@/components/ui/modal";
import { Button } from "@/components/ui/button";
import { format, messages as t } from "@/lib/i18n";
import { useTranscriptImport } from "@/lib/store/transcript-import-store";

/** The question before a transcript replaces the user's work, and the reason when one cannot be opened. */
export function TranscriptImportDialogs() {
  const pending = useTranscriptImport((s) => s.pending);
  const error = useTranscriptImport((s) => s.error);
  const { confirm, cancel, dismissError } = useTranscriptImport.getState();

  return (
    <>
      <Modal open={pending !== null} onClose={cancel} title={t.transfer.replaceTitle}>
        <p className="text-sm">{format(t.transfer.replaceBody, { title: pending?.title ?? "" })}</p>
        <div className="flex justify-end gap-2">
          <Button variant="ghost" onClick={cancel}>
            {t.transfer.keep}
          </Button>
          <Button variant="danger" onClick={confirm}>
            {t.transfer.replace}
          </Button>
        </div>
      </Modal>
      <Modal open={error !== null} onClose={dismissError} title={t.transfer.failedTitle}>
        <p role="alert" className="text-sm break-words">
          {error}
        </p>
        <div className="flex justify-end">
          <Button variant="primary" onClick={dismissError}>
            {t.transfer.ok}
          </Button>
        </div>
      </Modal>
    </>
  );
}
