"use client";

import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import { Input } from "@/components/ui/field";
import { useLocale, useTranslations } from "next-intl";
import { SHARE_TITLE_MAX_LENGTH } from "@/lib/shares/share";
import { useShares, type MyShare } from "@/lib/store/shares-store";
import { formatShareDate } from "./format-date";
import { shareUrl } from "./share-link-panel";

/** One share in "My shares": copy its link, rename it, or revoke it after saying what that does. */
export function MyShareItem({ share }: { share: MyShare }) {
  const t = useTranslations();
  const locale = useLocale();
  const id = useId();
  const [mode, setMode] = useState<"view" | "rename" | "revoke">("view");
  const [draft, setDraft] = useState(share.title);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const url = shareUrl(share.id);

  async function rename() {
    setBusy(true);
    const result = await useShares.getState().renameShare(share.id, draft);
    setBusy(false);
    if (!result.ok) return setError(result.error.message);
    setError(null);
    setMode("view");
  }

  async function revoke() {
    setBusy(true);
    setError(null);
    const result = await useShares.getState().revokeShare(share.id);
    // On success the item leaves the list; on failure it stays with the reason.
    if (!result.ok) {
      setBusy(false);
      setError(result.error.message);
    }
  }

  return (
    <li className="space-y-2 py-2">
      {mode === "rename" ? (
        <form
          className="flex items-center gap-2"
          onSubmit={(event) => {
            event.preventDefault();
            void rename();
          }}
        >
          <Input
            aria-label={t("share.newTitleLabel", { title: share.title })}
            value={draft}
            maxLength={SHARE_TITLE_MAX_LENGTH}
            autoFocus
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${id}-error` : undefined}
            onChange={(event) => setDraft(event.target.value)}
          />
          <Button size="sm" type="submit" variant="primary" disabled={busy || draft.trim() === ""}>
            {t("common.save")}
          </Button>
          <Button size="sm" variant="ghost" onClick={() => setMode("view")}>
            {t("common.cancel")}
          </Button>
        </form>
      ) : (
        <div className="min-w-0">
          <a href={url} target="_blank" rel="noopener" className="block truncate text-sm font-medium hover:underline">
            {share.title}
          </a>
          <p className="text-xs text-muted">
            <time dateTime={share.createdAt}>
              {t("share.sharedAt", { date: formatShareDate(share.createdAt, locale) })}
            </time>
          </p>
        </div>
      )}
      {error ? (
        <p id={`${id}-error`} role="alert" className="text-xs text-danger">
          {error}
        </p>
      ) : null}
      {mode === "revoke" ? (
        <div className="flex flex-wrap items-center gap-2 text-sm">
          <span>{t("share.confirmRevoke", { title: share.title })}</span>
          <Button
            size="sm"
            variant="danger"
            disabled={busy}
            // The question takes the focus from the button that asked it, which is gone.
            ref={(button) => button?.focus()}
            onClick={() => void revoke()}
          >
            {t("share.revoke")}
          </Button>
          <Button size="sm" variant="ghost" onClick={() => setMode("view")}>
            {t("common.cancel")}
          </Button>
        </div>
      ) : mode === "view" ? (
        <div className="flex flex-wrap gap-1">
          <CopyButton
            text={url}
            label={t("share.copyLinkOf", { title: share.title })}
            className="border border-border"
          />
          <Button
            size="sm"
            variant="ghost"
            aria-label={t("share.renameLabel", { title: share.title })}
            onClick={() => {
              setDraft(share.title);
              setError(null);
              setMode("rename");
            }}
          >
            {t("share.rename")}
          </Button>
          <Button
            size="sm"
            variant="danger"
            aria-label={t("share.revokeLabel", { title: share.title })}
            onClick={() => {
              setError(null);
              setMode("revoke");
            }}
          >
            {t("share.revoke")}
          </Button>
        </div>
      ) : null}
    </li>
  );
}
