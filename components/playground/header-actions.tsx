"use client";

import { ViewCodeButton } from "@/components/code/view-code-dialog";
import { PromptActions } from "@/components/prompts/prompt-actions";
import { SettingsButton } from "@/components/settings/settings-dialog";
import { TranslateLink } from "@/components/translate/translate-link";

/** The playground's header buttons. */
export function HeaderActions({ serverHasKey }: { serverHasKey: boolean }) {
  return (
    <div className="ml-auto flex flex-wrap items-center gap-2">
      <PromptActions />
      <ViewCodeButton />
      <TranslateLink />
      <SettingsButton serverHasKey={serverHasKey} />
    </div>
  );
}
