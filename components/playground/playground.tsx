"use client";

import { ConversationPanel } from "@/components/conversation/conversation-panel";
import { ParametersPanel } from "@/components/parameters/parameters-panel";
import { HeaderActions } from "./header-actions";
import { ToolsPanel } from "@/components/tools/tools-panel";
import { TokenUsagePanel } from "@/components/usage/token-usage-panel";
import { VariablesPanel } from "@/components/variables/variables-panel";
import { useTranslations } from "next-intl";
import { useSettings } from "@/lib/store/settings-store";

export function Playground({ serverHasKey }: { serverHasKey: boolean }) {
  const t = useTranslations();
  const hasUserKey = useSettings((s) => s.apiKey !== "");
  return (
    <div className="mx-auto flex min-h-screen max-w-7xl flex-col gap-4 px-4 py-4">
      <header className="flex flex-wrap items-center gap-3">
        <h1 className="text-lg font-semibold">{t("app.title")}</h1>
        <HeaderActions serverHasKey={serverHasKey} />
      </header>
      {!serverHasKey && !hasUserKey ? (
        <p className="rounded-lg border border-warning/40 bg-warning/10 p-3 text-sm" data-testid="no-key-notice">
          {t("errors.no_api_key")}
        </p>
      ) : null}
      <main className="flex flex-col gap-4 lg:flex-row lg:items-start">
        <ConversationPanel serverHasKey={serverHasKey} />
        <aside className="flex w-full shrink-0 flex-col gap-4 lg:sticky lg:top-4 lg:max-h-[calc(100dvh-2rem)] lg:w-80 lg:overflow-y-auto">
          <VariablesPanel />
          <ParametersPanel />
          <ToolsPanel />
          <TokenUsagePanel />
        </aside>
      </main>
    </div>
  );
}
