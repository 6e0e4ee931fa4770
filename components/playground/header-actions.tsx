"use client";

import { SettingsButton } from "@/components/settings/settings-dialog";

/** The playground's header buttons. */
export function HeaderActions({ serverHasKey }: { serverHasKey: boolean }) {
  return (
    <div className="ml-auto flex flex-wrap items-center gap-2">
      <SettingsButton serverHasKey={serverHasKey} />
    </div>
  );
}
