"use client";

import dynamic from "next/dynamic";
import { messages as t } from "@/lib/i18n";

// The workspace lives in localStorage; rendering only in the browser avoids showing the
// server's empty defaults first and then swapping in the user's work.
const Playground = dynamic(() => import("./playground").then((m) => m.Playground), {
  ssr: false,
  loading: () => <p className="p-6 text-sm text-muted">{t.common.loading}</p>,
});

export function PlaygroundLoader({ serverHasKey }: { serverHasKey: boolean }) {
  return <Playground serverHasKey={serverHasKey} />;
}
