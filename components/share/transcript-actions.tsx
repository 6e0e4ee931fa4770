"use client";

import { ExportMenu } from "@/components/export/export-menu";
import { ImportButton } from "@/components/export/import-button";
import { TranscriptDropZone } from "@/components/export/transcript-drop-zone";
import { TranscriptImportDialogs } from "@/components/export/transcript-import-dialogs";
import { MySharesButton } from "./my-shares-button";
import { ShareButton } from "./share-button";
import { SharedLinkOpener } from "./shared-link-opener";

/** The header's Share, My shares, Export and Import, with the drop target and dialogs they open. */
export function TranscriptActions() {
  return (
    <>
      <ShareButton />
      <MySharesButton />
      <ExportMenu />
      <ImportButton />
      <TranscriptDropZone />
      <TranscriptImportDialogs />
      <SharedLinkOpener />
    </>
  );
}
