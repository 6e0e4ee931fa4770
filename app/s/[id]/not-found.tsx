import { useTranslations } from "next-intl";
import { NotFoundPage } from "@/components/ui/not-found-page";

/** For unknown ids and revoked shares alike: a revoked share leaves nothing behind to tell them apart. */
export default function ShareNotFound() {
  const t = useTranslations();
  return <NotFoundPage title={t("sharePage.notFoundTitle")} body={t("sharePage.notFoundBody")} />;
}
