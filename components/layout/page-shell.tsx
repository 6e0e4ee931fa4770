"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { SettingsButton } from "@/components/settings/settings-dialog";
import { cn } from "@/lib/cn";
import { NoKeyNotice } from "./no-key-notice";

/**
 * A page beside the playground (Compare, Translate): its title, its own actions, the way back and
 * Settings in the header; then the intro and, without any key, the notice above the page's content.
 * Its words are the area's `title`, `back` and `intro` messages.
 */
export function PageShell({
  area,
  actions,
  serverHasKey,
  className,
  children,
}: {
  area: "compare" | "translate";
  actions?: ReactNode;
  serverHasKey: boolean;
  /** The width the page may take, as a `max-w-*` class. */
  className?: string;
  children: ReactNode;
}) {
  const t = useTranslations(area);
  return (
    <div className={cn("mx-auto flex min-h-screen max-w-7xl flex-col gap-4 px-4 py-4", className)}>
      <header className="flex flex-wrap items-center gap-3">
        <h1 className="text-lg font-semibold">{t("title")}</h1>
        <div className="ml-auto flex flex-wrap items-center gap-2">
          {actions}
          <Link
            href="/"
            className="rounded-md px-2 py-1 text-xs font-medium text-muted hover:bg-surface-2 hover:text-fg"
          >
            {t("back")}
          </Link>
          <SettingsButton serverHasKey={serverHasKey} />
        </div>
      </header>
      <main className="flex flex-col gap-4">
        <p className="text-sm text-muted">{t("intro")}</p>
        <NoKeyNotice serverHasKey={serverHasKey} />
        {children}
      </main>
    </div>
  );
}
