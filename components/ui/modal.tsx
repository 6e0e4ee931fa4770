"use client";

import { useEffect, useId, useRef, type ReactNode } from "react";
import { cn } from "@/lib/cn";

/**
 * A native modal `<dialog>` opened and closed from state. The browser gives it focus trapping,
 * Escape and the inert background; `onClose` hears every way it closes.
 */
export function Modal({
  open,
  onClose,
  title,
  actions,
  children,
  className,
}: {
  open: boolean;
  onClose: () => void;
  title: string;
  /** Buttons at the end of the title row, such as Close. */
  actions?: ReactNode;
  children: ReactNode;
  className?: string;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const id = useId();

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) element.showModal();
    if (!open && element.open) element.close();
  }, [open]);

  return (
    <dialog
      ref={dialog}
      aria-labelledby={`${id}-title`}
      data-slot="modal"
      onClose={onClose}
      className={cn(
        // Text wraps, whatever the opener's row says (the header's buttons keep to one line).
        "m-auto w-[min(34rem,92vw)] rounded-lg border border-border bg-surface p-4 whitespace-normal text-fg backdrop:bg-black/40",
        className,
      )}
    >
      {open ? (
        <div className="space-y-3">
          <div className="flex items-center justify-between gap-2">
            <h2 id={`${id}-title`} className="text-base font-semibold">
              {title}
            </h2>
            {actions ? <div className="flex gap-2">{actions}</div> : null}
          </div>
          {children}
        </div>
      ) : null}
    </dialog>
  );
}
