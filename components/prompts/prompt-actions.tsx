"use client";

import { useEffect, useState } from "react";
import { PresetsMenu } from "./presets-menu";
import { SavePromptButton } from "./save-prompt-dialog";
import { SavedPromptsButton } from "./saved-prompts-dialog";

const STATUS_MS = 6000;

/** Presets, "Save prompt" and the saved prompts, with one line saying what the last action did. */
export function PromptActions() {
  const [status, setStatus] = useState<{ message: string; at: number } | null>(null);
  const report = (message: string) => setStatus({ message, at: Date.now() });

  useEffect(() => {
    if (!status) return;
    const timer = setTimeout(() => setStatus(null), STATUS_MS);
    return () => clearTimeout(timer);
  }, [status]);

  return (
    <>
      <PresetsMenu onStatus={report} />
      <SavePromptButton onStatus={report} />
      <SavedPromptsButton onStatus={report} />
      {/* A toast, so that a message does not push the header's buttons around. */}
      <div role="status" className="pointer-events-none fixed inset-x-0 bottom-20 z-50 flex justify-center px-4">
        {status ? <p className="rounded-md bg-fg px-3 py-2 text-sm text-bg shadow-lg">{status.message}</p> : null}
      </div>
    </>
  );
}
