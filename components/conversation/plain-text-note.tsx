import { messages as t } from "@/lib/i18n";

export type PlainTextReason = keyof typeof t.plainText;

/** Says why the text above is shown as written rather than formatted. */
export function PlainTextNote({ reason }: { reason: PlainTextReason }) {
  return <p className="mt-1 text-xs text-muted italic">{t.plainText[reason]}</p>;
}
