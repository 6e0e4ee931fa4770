"use client";

import { useId, type ComponentProps, type ReactNode } from "react";
import { Field } from "./field";
import { Textarea } from "./textarea";

/** A labelled two-line text area; with an `error`, the text area is marked invalid. */
export function TextareaField({
  label,
  hint,
  error,
  ...props
}: Omit<ComponentProps<"textarea">, "id"> & { label: ReactNode; hint?: ReactNode; error?: string }) {
  const id = useId();
  return (
    <Field id={id} label={label} hint={hint} error={error}>
      <Textarea id={id} rows={2} aria-invalid={error ? true : undefined} {...props} />
    </Field>
  );
}
