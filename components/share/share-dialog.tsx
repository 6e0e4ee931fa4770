"use client";

import { Button } from "@/components/ui/button";
import { Modal } from "@/components/ui/modal";
import type { FailureView } from "@/lib/chat/failure";
import { useTranslations } from "next-intl";
import type { MyShare } from "@/lib/store/shares-store";
import { ShareLinkPanel } from "./share-link-panel";

export type ShareState =
  | { kind: "creating" }
  | { kind: "empty" }
  | { kind: "failed"; error: FailureView }
  | { kind: "created"; share: MyShare };

/** The dialog a Share button opens: creating, then the link, or what went wrong. */
export function ShareDialog({
  open,
  onClose,
  state,
  onRetry,
  title,
}: {
  open: boolean;
  onClose: () => void;
  state: ShareState;
  /** Offered as Retry when creating the share failed. */
  onRetry?: () => void;
  /** The dialog's title, when it shares something other than the playground's conversation. */
  title?: string;
}) {
  const t = useTranslations();
  return (
    <Modal open={open} onClose={onClose} title={title ?? t("share.dialogTitle")}>
      {state.kind === "created" ? (
        <ShareLinkPanel share={state.share} />
      ) : state.kind === "failed" ? (
        <p role="alert" className="text-sm text-danger">
          {state.error.message}
        </p>
      ) : (
        <p role="status" className="text-sm text-muted">
          {state.kind === "empty" ? t("share.nothingToShare") : t("share.creating")}
        </p>
      )}
      <div className="flex justify-end gap-2">
        {state.kind === "failed" && onRetry ? <Button onClick={onRetry}>{t("share.retry")}</Button> : null}
        <Button variant="primary" onClick={onClose}>
          {t("share.done")}
        </Button>
      </div>
    </Modal>
  );
}
