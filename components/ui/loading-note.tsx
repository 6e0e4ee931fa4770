import { useTranslations } from "next-intl";

/** What a page shows while its client code loads. */
export function LoadingNote() {
  const t = useTranslations();
  return <p className="p-6 text-sm text-muted">{t("common.loading")}</p>;
}
