"use client";

import { ViewCodeButton } from "@/components/code/view-code-dialog";
import { CompareLink } from "@/components/compare/compare-link";
import { PromptActions } from "@/components/prompts/prompt-actions";
import { SettingsButton } from "@/components/settings/settings-dialog";
import { TranscriptActions } from "@/components/share/transcript-actions";
import { TranslateLink } from "@/components/translate/translate-link";

/**
 * The playground's header buttons: one row, which scrolls sideways where the window is narrow. On
 * a phone the row takes the header's whole width, under the title, rather than what the title leaves.
 */
export function HeaderActions({ serverHasKey }: { serverHasKey: boolean }) {
  return (
    <div className="flex w-full min-w-0 items-center gap-2 overflow-x-auto px-1 py-1 whitespace-nowrap *:shrink-0 sm:ml-auto sm:w-auto lg:flex-wrap lg:overflow-visible">
      <PromptActions />
      <ViewCodeButton />
      <TranslateLink />
      <CompareLink />
      <TranscriptActions />
      <SettingsButton serverHasKey={serverHasKey} />
    </div>
  );
}
