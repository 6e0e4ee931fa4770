import { useTranslations } from "next-intl";
import type { Messages } from "@/lib/i18n";

export type PlainTextReason = keyof Messages["plainText"];

/** Says why the text above is shown as written rather than formatted. */
export function PlainTextNote({ reason }: { reason: PlainTextReason }) {
  const t = useTranslations();
  return <p className="mt-1 text-xs text-muted italic">{t(`plainText.${reason}`)}</p>;
}
