"use client";

import { NoKeyNotice } from "@/components/layout/no-key-notice";
import { ConversationPanel } from "@/components/conversation/conversation-panel";
import { isRunShortcut } from "@/components/conversation/run-shortcut";
import { runWorkspace } from "@/lib/run/workspace-run";
import { ParametersPanel } from "@/components/parameters/parameters-panel";
import { HeaderActions } from "./header-actions";
import { ToolsPanel } from "@/components/tools/tools-panel";
import { TokenUsagePanel } from "@/components/usage/token-usage-panel";
import { VariablesPanel } from "@/components/variables/variables-panel";
import { useTranslations } from "next-intl";
import { useRef } from "react";
import { usePinnedScrollPadding } from "@/components/ui/use-pinned-scroll-padding";

export function Playground({ serverHasKey }: { serverHasKey: boolean }) {
  const t = useTranslations();
  const header = useRef<HTMLElement>(null);
  usePinnedScrollPadding(header, "top");
  return (
    <div className="mx-auto flex min-h-screen max-w-7xl flex-col gap-4 px-4 py-4">
      {/* Pinned, so Share, Save and View code stay at hand in a long conversation. */}
      <header
        ref={header}
        className="sticky top-0 z-20 -mx-4 -mt-4 flex flex-wrap items-center gap-x-3 gap-y-1 border-b border-border bg-bg px-4 py-2"
      >
        <h1 className="shrink-0 text-lg font-semibold">{t("app.title")}</h1>
        <HeaderActions serverHasKey={serverHasKey} />
      </header>
      <NoKeyNotice serverHasKey={serverHasKey} />
      {/* Ctrl/⌘+Enter runs from any text box of the page (the composer, the messages, the
          variables), never from a dialog. */}
      <main
        className="flex flex-col gap-4 lg:flex-row lg:items-start"
        onKeyDown={(event) => {
          if (!isRunShortcut(event)) return;
          event.preventDefault();
          void runWorkspace({ serverHasKey });
        }}
      >
        <ConversationPanel serverHasKey={serverHasKey} />
        <aside className="flex w-full shrink-0 flex-col gap-4 lg:sticky lg:top-16 lg:max-h-[calc(100dvh-5rem)] lg:w-80 lg:overflow-y-auto">
          <VariablesPanel />
          <ParametersPanel />
          <ToolsPanel />
          <TokenUsagePanel />
        </aside>
      </main>
    </div>
  );
}
