"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import type { PromptSnapshot } from "@/lib/workspace/model";
import { useTranslations } from "next-intl";
import { useShares, type MyShare } from "@/lib/store/shares-store";
import { useWorkspace } from "@/lib/store/workspace-store";
import { snapshotOf, unchangedSnapshot } from "@/lib/workspace/snapshot";
import { ShareDialog, type ShareState } from "./share-dialog";

/**
 * "Share": stores a snapshot of the workspace at once and shows its link. Pressing it again with
 * nothing changed shows the same link instead of storing a copy.
 */
export function ShareButton() {
  const t = useTranslations();
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
        {t("share.button")}
      </Button>
      <ShareDialog open={open} onClose={() => setOpen(false)} state={state} onRetry={share} />
    </>
  );
}

function findShare(id: string): MyShare | undefined {
  return useShares.getState().shares.find((s) => s.id === id);
}
