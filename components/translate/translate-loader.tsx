"use client";

import dynamic from "next/dynamic";
import { messages as t } from "@/lib/i18n";

// The demo starts from the workspace in localStorage, so it renders in the browser only.
const TranslateDemo = dynamic(() => import("./translate-demo").then((m) => m.TranslateDemo), {
  ssr: false,
  loading: () => <p className="p-6 text-sm text-muted">{t.common.loading}</p>,
});

export function TranslateLoader({ serverHasKey }: { serverHasKey: boolean }) {
  return <TranslateDemo serverHasKey={serverHasKey} />;
}
