"use client";

import { Modal } from "@/components/ui/modal";
import { Button } from "@/components/ui/button";
import { useTranslations } from "next-intl";
import { confirmReplacement, keepWorkspace } from "@/lib/run/workspace-replacement";
import { replacementSelectors, useWorkspaceReplacement } from "@/lib/store/workspace-replacement-store";

/** The question before a prompt replaces the user's work, and the reason when one cannot be opened. */
export function TranscriptImportDialogs() {
  const t = useTranslations();
  const asking = useWorkspaceReplacement(replacementSelectors.asking);
  const title = useWorkspaceReplacement((s) => s.question?.title ?? "");
  const error = useWorkspaceReplacement((s) => s.error);
  const { dismissError } = useWorkspaceReplacement.getState();

  return (
    <>
      <Modal open={asking} onClose={keepWorkspace} title={t("transfer.replaceTitle")}>
        <p className="text-sm">{t("transfer.replaceBody", { title })}</p>
        <div className="flex justify-end gap-2">
          <Button variant="ghost" onClick={keepWorkspace}>
            {t("transfer.keep")}
          </Button>
          <Button variant="danger" onClick={confirmReplacement}>
            {t("transfer.replace")}
          </Button>
        </div>
      </Modal>
      <Modal open={error !== null} onClose={dismissError} title={t("transfer.failedTitle")}>
        <p role="alert" className="text-sm break-words">
          {error}
        </p>
        <div className="flex justify-end">
          <Button variant="primary" onClick={dismissError}>
            {t("transfer.ok")}
          </Button>
        </div>
      </Modal>
    </>
  );
}
