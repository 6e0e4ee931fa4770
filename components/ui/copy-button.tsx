"use client";

import { useState } from "react";
import { cn } from "@/lib/cn";
import { useTranslations } from "next-intl";
import { Button } from "./button";

export function CopyButton({ text, label, className }: { text: string; label?: string; className?: string }) {
  const t = useTranslations();
  const [state, setState] = useState<"idle" | "copied" | "failed">("idle");
  return (
    <Button
      size="sm"
      variant="ghost"
      className={cn("bg-surface/80", className)}
      aria-label={label ?? t("common.copy")}
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
      {state === "copied" ? t("common.copied") : state === "failed" ? t("common.copyFailed") : t("common.copy")}
    </Button>
  );
}
