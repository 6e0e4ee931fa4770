"use client";

import dynamic from "next/dynamic";
import { LoadingNote } from "@/components/ui/loading-note";

// The page starts from state in localStorage, so it renders in the browser only.
const CompareWorkspace = dynamic(() => import("./compare-workspace").then((m) => m.CompareWorkspace), {
  ssr: false,
  loading: () => <LoadingNote />,
});

export function CompareLoader({ serverHasKey }: { serverHasKey: boolean }) {
  return <CompareWorkspace serverHasKey={serverHasKey} />;
}
