"use client";

import { useRef } from "react";
import { Button, type ButtonProps } from "./button";

/** A button that opens the file picker and hands over the file chosen there. */
export function FilePickerButton({
  accept,
  onFile,
  ...props
}: Omit<ButtonProps, "onClick"> & { accept: string; onFile: (file: File) => void }) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <Button data-slot="file-picker-button" {...props} onClick={() => input.current?.click()} />
      <input
        ref={input}
        type="file"
        accept={accept}
        hidden
        onChange={(event) => {
          const file = event.target.files?.[0];
          // Cleared so that choosing the same file again still counts as a change.
          event.target.value = "";
          if (file) onFile(file);
        }}
      />
    </>
  );
}
