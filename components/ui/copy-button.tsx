"use client";

import { useState } from "react";
import { cn } from "@/lib/cn";
import { messages as t } from "@/lib/i18n";
import { Button } from "./button";

export function CopyButton({
  text,
  label = t.common.copy,
  className,
}: {
  text: string;
  label?: string;
  className?: string;
}) {
  const [state, setState] = useState<"idle" | "copied" | "failed">("idle");
  return (
    <Button
      size="sm"
      variant="ghost"
      className={cn("bg-surface/80", className)}
      aria-label={label}
      data-slot="copy-button"
      data-state={state}
      onClick={async () => {
        try {
          await navigator.clipboard.writeText(text);
          setState("copied");
        } catch {
          // The clipboard is refused outside secure contexts or without permission.
          setState("failed");
        }
        setTimeout(() => setState("idle"), 1500);
      }}
    >
      {state === "copied" ? t.common.copied : state === "failed" ? t.common.copyFailed : t.common.copy}
    </Button>
  );
}
