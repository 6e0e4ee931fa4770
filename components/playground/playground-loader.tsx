"use client";

import dynamic from "next/dynamic";
import { LoadingNote } from "@/components/ui/loading-note";
import { usePrompts } from "@/lib/store/prompts-store";
import { useWorkspace } from "@/lib/store/workspace-store";

/** Resolves once the store has read its persisted state (at once unless images are read back). */
function hydrated(store: typeof useWorkspace | typeof usePrompts): Promise<void> {
  return new Promise((resolve) => {
    if (store.persist.hasHydrated()) resolve();
    else store.persist.onFinishHydration(() => resolve());
  });
}

// The workspace lives in browser storage; rendering only in the browser, once it is read, avoids
// showing empty defaults first (and saving them over the user's work) before swapping it in.
const Playground = dynamic(
  async () => {
    const { Playground } = await import("./playground");
    await Promise.all([hydrated(useWorkspace), hydrated(usePrompts)]);
    return Playground;
  },
  {
    ssr: false,
    loading: () => <LoadingNote />,
  },
);

export function PlaygroundLoader({ serverHasKey }: { serverHasKey: boolean }) {
  return <Playground serverHasKey={serverHasKey} />;
}
