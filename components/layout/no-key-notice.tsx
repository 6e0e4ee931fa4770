"use client";

import { useTranslations } from "next-intl";
import { useSettings } from "@/lib/store/settings-store";

/** Says that nothing can run until a key is set, when neither the server nor Settings has one. */
export function NoKeyNotice({ serverHasKey }: { serverHasKey: boolean }) {
  const t = useTranslations();
  const hasUserKey = useSettings((s) => s.apiKey !== "");
  if (serverHasKey || hasUserKey) return null;
  return (
    <p className="rounded-lg border border-warning/40 bg-warning/10 p-3 text-sm" data-testid="no-key-notice">
      {t("errors.no_api_key")}
    </p>
  );
}
