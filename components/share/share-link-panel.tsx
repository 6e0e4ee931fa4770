"use client";

import { useId, useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import { Input } from "@/components/ui/field";
import { useTranslations } from "next-intl";
import { SHARE_TITLE_MAX_LENGTH } from "@/lib/shares/share";
import { useShares, type MyShare } from "@/lib/store/shares-store";

/** The link of a new share, to copy, and its title, which only its creator can change. */
export function ShareLinkPanel({ share }: { share: MyShare }) {
  const t = useTranslations();
  const id = useId();
  const title = useShares((s) => s.shares.find((entry) => entry.id === share.id)?.title ?? share.title);
  const [draft, setDraft] = useState(title);
  const [saving, setSaving] = useState(false);
  const [notice, setNotice] = useState<{ ok: boolean; text: string } | null>(null);
  const url = shareUrl(share.id);

  async function rename(event: FormEvent) {
    event.preventDefault();
    setSaving(true);
    const result = await useShares.getState().renameShare(share.id, draft);
    setSaving(false);
    setNotice(result.ok ? { ok: true, text: t("share.titleSaved") } : { ok: false, text: result.error.message });
  }

  return (
    <div className="space-y-3">
      <div className="space-y-1">
        <label htmlFor={`${id}-link`} className="block text-xs font-medium text-muted">
          {t("share.linkLabel")}
        </label>
        <div className="flex items-center gap-2">
          <Input
            id={`${id}-link`}
            readOnly
            value={url}
            onFocus={(event) => event.currentTarget.select()}
            className="font-mono text-xs"
          />
          <CopyButton text={url} label={t("share.copyLink")} className="shrink-0 border border-border" />
          <a href={url} target="_blank" rel="noopener" className="shrink-0 text-sm text-accent underline">
            {t("share.open")}
          </a>
        </div>
      </div>
      <form onSubmit={rename} className="space-y-1">
        <label htmlFor={`${id}-title`} className="block text-xs font-medium text-muted">
          {t("share.titleLabel")}
        </label>
        <div className="flex items-center gap-2">
          <Input
            id={`${id}-title`}
            value={draft}
            maxLength={SHARE_TITLE_MAX_LENGTH}
            onChange={(event) => {
              setDraft(event.target.value);
              setNotice(null);
            }}
          />
          <Button
            type="submit"
            size="sm"
            className="shrink-0 whitespace-nowrap"
            disabled={saving || draft.trim() === "" || draft.trim() === title}
          >
            {t("share.saveTitle")}
          </Button>
        </div>
        {notice ? (
          <p
            role={notice.ok ? "status" : "alert"}
            data-ok={notice.ok}
            className="text-xs text-danger data-[ok=true]:text-success"
          >
            {notice.text}
          </p>
        ) : null}
      </form>
      <p className="text-xs text-muted">
        {t("share.explainer")} {t("share.tokenNote")}
      </p>
    </div>
  );
}

export function shareUrl(id: string): string {
  return new URL(`/s/${id}`, window.location.origin).href;
}
