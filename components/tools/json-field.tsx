"use client";

import { useId, type ReactNode } from "react";
import { Textarea } from "@/components/ui/textarea";
import { cn } from "@/lib/cn";
import type { JsonResult } from "@/lib/json";

/** Code-like names in inputs. At 14px Chromium drops DejaVu Sans Mono's underscore out of an input's box. */
export const codeInputClass = "font-mono text-[13px]";

/** A JSON text with its check under it, run on every keystroke. */
export function JsonField({
  label,
  value,
  onChange,
  check,
  valid,
  readOnly,
  className,
}: {
  label: ReactNode;
  value: string;
  onChange: (text: string) => void;
  check: JsonResult<unknown>;
  /** What to say when the check passes. */
  valid: string;
  readOnly?: boolean;
  className?: string;
}) {
  const id = useId();
  return (
    <div className={cn("space-y-1", className)}>
      <label htmlFor={id} className="block text-xs font-medium text-muted">
        {label}
      </label>
      <Textarea
        id={id}
        value={value}
        spellCheck={false}
        readOnly={readOnly}
        aria-invalid={check.ok ? undefined : true}
        aria-describedby={`${id}-check`}
        onChange={(event) => onChange(event.target.value)}
        className="max-h-80 px-2 py-1.5 font-mono text-xs leading-snug aria-invalid:border-danger"
      />
      <p id={`${id}-check`} data-valid={check.ok} className="text-xs text-danger data-[valid=true]:text-success">
        {check.ok ? valid : check.error}
      </p>
    </div>
  );
}
