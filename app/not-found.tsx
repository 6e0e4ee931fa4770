import Link from "next/link";
import { useTranslations } from "next-intl";
import { buttonVariants } from "@/components/ui/button";

/** Any address with no page, in the reader's language. */
export default function NotFound() {
  const t = useTranslations();
  return (
    <main className="mx-auto flex min-h-screen max-w-xl flex-col justify-center gap-4 px-4 py-8">
      <h1 className="text-2xl font-semibold">{t("notFound.title")}</h1>
      <p className="text-sm text-muted">{t("notFound.body")}</p>
      <p>
        <Link href="/" className={buttonVariants({ variant: "primary", size: "sm" })}>
          {t("sharePage.toPlayground")}
        </Link>
      </p>
    </main>
  );
}
