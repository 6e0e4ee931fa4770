"use client";

import { generateId } from "ai";
import { useId, useState, type ClipboardEvent, type DragEvent } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/field";
import { FilePickerButton } from "@/components/ui/file-picker-button";
import { imageFromFile, isWebUrl } from "@/lib/chat/attachments";
import { useTranslations } from "next-intl";
import type { Attachment } from "@/lib/workspace/model";

/** Reads image files into attachments; the first refusal is reported, the good ones kept. */
export async function attachImageFiles(
  files: readonly File[],
  onAdd: (attachments: Attachment[]) => void,
  onError: (message: string | null) => void,
): Promise<void> {
  const added: Attachment[] = [];
  let error: string | null = null;
  for (const file of files) {
    const image = await imageFromFile(file);
    if (image.ok) added.push({ kind: "image", id: generateId(), ...image.value });
    else error ??= image.error;
  }
  if (added.length > 0) onAdd(added);
  onError(error);
}

const imageFiles = (list: FileList | undefined | null) =>
  Array.from(list ?? []).filter((file) => file.type.startsWith("image/") || file.type === "");

/** Paste and drop handlers that take images and let text through. */
export function imageInputHandlers(onAdd: (a: Attachment[]) => void, onError: (m: string | null) => void) {
  return {
    onPaste: (event: ClipboardEvent) => {
      const files = imageFiles(event.clipboardData.files);
      if (files.length === 0) return;
      event.preventDefault();
      void attachImageFiles(files, onAdd, onError);
    },
    onDragOver: (event: DragEvent) => {
      if (event.dataTransfer.types.includes("Files")) event.preventDefault();
    },
    onDrop: (event: DragEvent) => {
      const files = imageFiles(event.dataTransfer.files);
      if (files.length === 0) return;
      event.preventDefault();
      void attachImageFiles(files, onAdd, onError);
    },
  };
}

/** **Attach image** (file picker) and a URL field for an image or a document by address. */
export function AttachControls({
  onAdd,
  onError,
}: {
  onAdd: (attachments: Attachment[]) => void;
  onError: (message: string | null) => void;
}) {
  const t = useTranslations();
  const urlId = useId();
  const [url, setUrl] = useState("");
  const add = (kind: Attachment["kind"]) => {
    const trimmed = url.trim();
    if (!isWebUrl(trimmed)) return onError(t("attachments.badUrl"));
    const name = decodeURIComponent(new URL(trimmed).pathname.split("/").pop() || trimmed);
    onAdd([{ kind, id: generateId(), name, url: trimmed }]);
    setUrl("");
    onError(null);
  };
  return (
    <div className="flex flex-wrap items-center gap-2">
      <FilePickerButton
        size="sm"
        variant="secondary"
        accept="image/*"
        onFile={(file) => void attachImageFiles([file], onAdd, onError)}
      >
        {t("attachments.attach")}
      </FilePickerButton>
      <details className="text-xs">
        <summary className="cursor-pointer text-muted">{t("attachments.byUrl")}</summary>
        <div className="mt-1 flex flex-wrap items-center gap-1">
          <label htmlFor={urlId} className="sr-only">
            {t("attachments.urlLabel")}
          </label>
          <Input
            id={urlId}
            type="url"
            className="w-64"
            placeholder="https://"
            value={url}
            onChange={(event) => setUrl(event.target.value)}
          />
          <Button size="sm" variant="ghost" onClick={() => add("image")}>
            {t("attachments.addImageUrl")}
          </Button>
          <Button size="sm" variant="ghost" onClick={() => add("document")}>
            {t("attachments.addDocumentUrl")}
          </Button>
        </div>
      </details>
    </div>
  );
}
