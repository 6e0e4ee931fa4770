"use client";

import { ViewCodeButton } from "@/components/code/view-code-dialog";
import { CompareLink } from "@/components/compare/compare-link";
import { PromptActions } from "@/components/prompts/prompt-actions";
import { SettingsButton } from "@/components/settings/settings-dialog";
import { TranscriptActions } from "@/components/share/transcript-actions";
import { TranslateLink } from "@/components/translate/translate-link";

/** The playground's header buttons. */
export function HeaderActions({ serverHasKey }: { serverHasKey: boolean }) {
  return (
    <div className="ml-auto flex flex-wrap items-center gap-2">
      <PromptActions />
      <ViewCodeButton />
      <TranslateLink />
      <CompareLink />
      <TranscriptActions />
      <SettingsButton serverHasKey={serverHasKey} />
    </div>
  );
}
