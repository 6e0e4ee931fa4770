import Link from "next/link";
import { useTranslations } from "next-intl";

/** From the playground's header to the Compare page. */
export function CompareLink() {
  const t = useTranslations();
  return (
    <Link
      href="/compare"
      className="inline-flex h-7 items-center rounded-md px-2 text-xs font-medium text-muted hover:bg-surface-2 hover:text-fg focus-visible:outline-2 focus-visible:outline-accent"
    >
      {t("compare.link")}
    </Link>
  );
}
