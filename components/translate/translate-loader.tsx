"use client";

import dynamic from "next/dynamic";
import { LoadingNote } from "@/components/ui/loading-note";

// The demo starts from the workspace in localStorage, so it renders in the browser only.
const TranslateDemo = dynamic(() => import("./translate-demo").then((m) => m.TranslateDemo), {
  ssr: false,
  loading: () => <LoadingNote />,
});

export function TranslateLoader({ serverHasKey }: { serverHasKey: boolean }) {
  return <TranslateDemo serverHasKey={serverHasKey} />;
}
