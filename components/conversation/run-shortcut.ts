import type { KeyboardEvent } from "react";

/**
 * Whether a key press asks to run: Ctrl/⌘+Enter typed in a text area, outside any dialog, with no
 * input-method composition open (an IME confirms its text with Enter; Safari reports that press
 * with keyCode 229 and no `isComposing`).
 */
export function isRunShortcut(event: KeyboardEvent): boolean {
  if (event.key !== "Enter" || !(event.ctrlKey || event.metaKey)) return false;
  if (event.nativeEvent.isComposing || event.keyCode === 229) return false;
  const target = event.target;
  return target instanceof HTMLTextAreaElement && target.closest("dialog") === null;
}
