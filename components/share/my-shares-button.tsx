"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import { format, messages as t } from "@/lib/i18n";
import { useShares, type MyShare } from "@/lib/store/shares-store";
import { formatShareDate } from "./format-date";
import { Modal } from "@/components/ui/modal";
import { shareUrl } from "./share-link-panel";

/** "My shares": the shares made in this browser, checked against the server when opened. */
export function MySharesButton() {
  const shares = useShares((s) => s.shares);
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
        {t.share.myShares}
      </Button>
      <Modal open={open} onClose={() => setOpen(false)} title={t.share.myTitle} className="w-[min(40rem,92vw)]">
        {error ? (
          <p role="alert" className="text-sm text-danger">
            {error}
          </p>
        ) : null}
        {shares.length === 0 ? (
          <p className="text-sm text-muted">{checking ? t.share.myLoading : t.share.myEmpty}</p>
        ) : (
          <ul aria-label={t.share.myListLabel} className="max-h-[60vh] divide-y divide-border overflow-y-auto">
            {shares.map((share) => (
              <MyShareItem key={share.id} share={share} />
            ))}
          </ul>
        )}
        <div className="flex justify-end">
          <Button variant="primary" onClick={() => setOpen(false)}>
            {t.share.done}
          </Button>
        </div>
      </Modal>
    </>
  );
}

function MyShareItem({ share }: { share: MyShare }) {
  const [revoking, setRevoking] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const url = shareUrl(share.id);

  async function revoke() {
    setRevoking(true);
    setError(null);
    const result = await useShares.getState().revokeShare(share.id);
    // On success the item leaves the list; on failure it stays with the reason.
    if (!result.ok) {
      setRevoking(false);
      setError(result.error.message);
    }
  }

  return (
    <li className="flex flex-wrap items-center gap-2 py-2">
      <div className="min-w-0 flex-1">
        <a href={url} target="_blank" rel="noopener" className="block truncate text-sm font-medium hover:underline">
          {share.title}
        </a>
        <p className="text-xs text-muted">
          <time dateTime={share.createdAt}>{format(t.share.sharedAt, { date: formatShareDate(share.createdAt) })}</time>
        </p>
        {error ? (
          <p role="alert" className="text-xs text-danger">
            {error}
          </p>
        ) : null}
      </div>
      <CopyButton
        text={url}
        label={format(t.share.copyLinkOf, { title: share.title })}
        className="border border-border"
      />
      <Button
        size="sm"
        variant="danger"
        aria-label={format(t.share.revokeLabel, { title: share.title })}
        disabled={revoking}
        onClick={revoke}
      >
        {t.share.revoke}
      </Button>
    </li>
  );
}
