"use client";

import { Button } from "@/components/ui/button";
import { useTranslations } from "next-intl";
import type { Attachment } from "@/lib/workspace/model";

/** Thumbnails of a message's images and links to its documents, each removable unless read-only. */
export function AttachmentList({
  attachments,
  onRemove,
}: {
  attachments: readonly Attachment[];
  onRemove?: (id: string) => void;
}) {
  const t = useTranslations();
  if (attachments.length === 0) return null;
  return (
    <ul className="mt-2 flex flex-wrap gap-2" aria-label={t("attachments.listLabel")}>
      {attachments.map((attachment) => (
        <li
          key={attachment.id}
          className="relative flex items-center gap-1 rounded-md border border-border bg-bg p-1 text-xs"
        >
          {attachment.kind === "image" ? (
            // A data URL or the user's own URL: next/image would only proxy it.
            // eslint-disable-next-line @next/next/no-img-element
            <img
              src={attachment.url}
              alt={attachment.name}
              title={attachment.name}
              className="h-16 w-16 rounded object-cover"
            />
          ) : (
            <a href={attachment.url} target="_blank" rel="noreferrer noopener" className="max-w-48 truncate underline">
              {t("attachments.document")}: {attachment.name}
            </a>
          )}
          {onRemove ? (
            <Button
              size="sm"
              variant="ghost"
              aria-label={attachment.kind === "image" ? t("attachments.remove") : t("attachments.removeDocument")}
              title={attachment.name}
              onClick={() => onRemove(attachment.id)}
            >
              ×
            </Button>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
