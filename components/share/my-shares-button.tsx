"use client";

import { useState } from "react";
import { useShallow } from "zustand/react/shallow";
import { Button } from "@/components/ui/button";
import { Modal } from "@/components/ui/modal";
import { useTranslations } from "next-intl";
import { emptySharesMessage, useShares } from "@/lib/store/shares-store";
import { MyShareItem } from "./my-share-item";

/** "My shares": the shares made in this browser (or by the account), checked against the server when opened. */
export function MySharesButton() {
  const t = useTranslations();
  const shares = useShares((s) => s.shares);
  const empty = useShares(useShallow(({ everShared, owner }) => ({ everShared, owner })));
  const [open, setOpen] = useState(false);
  const [checking, setChecking] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function show() {
    setOpen(true);
    setError(null);
    setChecking(true);
    const result = await useShares.getState().refreshShares();
    setChecking(false);
    if (!result.ok) setError(result.error.message);
  }

  return (
    <>
      <Button size="sm" onClick={show}>
        {t("share.myShares")}
      </Button>
      <Modal open={open} onClose={() => setOpen(false)} title={t("share.myTitle")} className="w-[min(40rem,92vw)]">
        {error ? (
          <p role="alert" className="text-sm text-danger">
            {error}
          </p>
        ) : null}
        {shares.length === 0 ? (
          <p className="text-sm text-muted">{checking ? t("share.myLoading") : emptySharesMessage(empty)}</p>
        ) : (
          <ul aria-label={t("share.myListLabel")} className="max-h-[60vh] divide-y divide-border overflow-y-auto">
            {shares.map((share) => (
              <MyShareItem key={share.id} share={share} />
            ))}
          </ul>
        )}
        <div className="flex justify-end">
          <Button variant="primary" onClick={() => setOpen(false)}>
            {t("share.done")}
          </Button>
        </div>
      </Modal>
    </>
  );
}
