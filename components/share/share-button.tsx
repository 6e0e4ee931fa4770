"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import type { FailureView } from "@/lib/chat/failure";
import type { PromptSnapshot } from "@/lib/workspace/model";
import { messages as t } from "@/lib/i18n";
import { useShares, type MyShare } from "@/lib/store/shares-store";
import { useWorkspace } from "@/lib/store/workspace-store";
import { snapshotOf, unchangedSnapshot } from "@/lib/workspace/snapshot";
import { Modal } from "@/components/ui/modal";
import { ShareLinkPanel } from "./share-link-panel";

type ShareState =
  | { kind: "creating" }
  | { kind: "empty" }
  | { kind: "failed"; error: FailureView }
  | { kind: "created"; share: MyShare };

/**
 * "Share": stores a snapshot of the workspace at once and shows its link. Pressing it again with
 * nothing changed shows the same link instead of storing a copy.
 */
export function ShareButton() {
  const [open, setOpen] = useState(false);
  const [state, setState] = useState<ShareState>({ kind: "creating" });
  const [last, setLast] = useState<{ snapshot: PromptSnapshot; id: string } | null>(null);

  async function share() {
    setOpen(true);
    const snapshot = snapshotOf(useWorkspace.getState());
    if (snapshot.messages.length === 0) {
      setState({ kind: "empty" });
      return;
    }
    const existing = last && unchangedSnapshot(last.snapshot, snapshot) ? findShare(last.id) : undefined;
    if (existing) {
      setState({ kind: "created", share: existing });
      return;
    }
    setState({ kind: "creating" });
    const result = await useShares.getState().createShare(snapshot);
    if (!result.ok) {
      setState({ kind: "failed", error: result.error });
      return;
    }
    setLast({ snapshot, id: result.value.id });
    setState({ kind: "created", share: result.value });
  }

  return (
    <>
      <Button size="sm" onClick={share}>
        {t.share.button}
      </Button>
      <Modal open={open} onClose={() => setOpen(false)} title={t.share.dialogTitle}>
        {state.kind === "created" ? (
          <ShareLinkPanel share={state.share} />
        ) : state.kind === "failed" ? (
          <p role="alert" className="text-sm text-danger">
            {state.error.message}
          </p>
        ) : (
          <p role="status" className="text-sm text-muted">
            {state.kind === "empty" ? t.share.nothingToShare : t.share.creating}
          </p>
        )}
        <div className="flex justify-end gap-2">
          {state.kind === "failed" ? <Button onClick={share}>{t.share.retry}</Button> : null}
          <Button variant="primary" onClick={() => setOpen(false)}>
            {t.share.done}
          </Button>
        </div>
      </Modal>
    </>
  );
}

function findShare(id: string): MyShare | undefined {
  return useShares.getState().shares.find((s) => s.id === id);
}
