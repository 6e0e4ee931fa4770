import { useTranslations } from "next-intl";
import { NotFoundPage } from "@/components/ui/not-found-page";

/** Any address with no page, in the reader's language. */
export default function NotFound() {
  const t = useTranslations();
  return <NotFoundPage title={t("notFound.title")} body={t("notFound.body")} />;
}
