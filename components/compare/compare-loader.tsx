"use client";

import dynamic from "next/dynamic";
import { messages as t } from "@/lib/i18n";

// The page starts from state in localStorage, so it renders in the browser only.
const CompareWorkspace = dynamic(() => import("./compare-workspace").then((m) => m.CompareWorkspace), {
  ssr: false,
  loading: () => <p className="p-6 text-sm text-muted">{t.common.loading}</p>,
});

export function CompareLoader({ serverHasKey }: { serverHasKey: boolean }) {
  return <CompareWorkspace serverHasKey={serverHasKey} />;
}
