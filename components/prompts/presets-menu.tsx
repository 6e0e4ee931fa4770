"use client";

import { useId, useRef } from "react";
import { Button } from "@/components/ui/button";
import { useTranslations } from "next-intl";
import { promptPresets } from "@/lib/prompts/presets";
import { openPreset } from "@/lib/run/transcript-import";

/** The built-in presets in a popover under its button; picking one replaces the workspace, after asking when there is work to lose. */
export function PresetsMenu({ onStatus }: { onStatus: (message: string) => void }) {
  const t = useTranslations();
  const id = useId();
  const popover = useRef<HTMLDivElement>(null);
  return (
    <>
      <Button size="sm" popoverTarget={id}>
        {t("prompts.presets")}
      </Button>
      <div
        ref={popover}
        id={id}
        popover="auto"
        className="[inset:auto] m-0 mt-1 w-80 rounded-lg border border-border bg-surface p-1 whitespace-normal text-fg shadow-lg [position-area:bottom_span-right] [position-try-fallbacks:flip-inline]"
      >
        <ul aria-label={t("prompts.presetsLabel")}>
          {promptPresets.map((preset) => (
            <li key={preset.id}>
              <button
                type="button"
                aria-labelledby={`${id}-${preset.id}-name`}
                aria-describedby={`${id}-${preset.id}`}
                className="w-full rounded-md px-2 py-1.5 text-left hover:bg-surface-2 focus-visible:bg-surface-2 focus-visible:outline-none"
                onClick={() => {
                  popover.current?.hidePopover();
                  void openPreset(preset.id).then(
                    (answer) => answer === "replaced" && onStatus(t("prompts.presetLoaded", { name: preset.name })),
                  );
                }}
              >
                <span id={`${id}-${preset.id}-name`} className="block text-sm font-medium">
                  {preset.name}
                </span>
                <span id={`${id}-${preset.id}`} className="block text-xs text-muted">
                  {preset.description}
                </span>
              </button>
            </li>
          ))}
        </ul>
      </div>
    </>
  );
}
