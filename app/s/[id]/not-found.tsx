import Link from "next/link";
import { buttonVariants } from "@/components/ui/button";
import { useTranslations } from "next-intl";

/** For unknown ids and revoked shares alike: a revoked share leaves nothing behind to tell them apart. */
export default function ShareNotFound() {
  const t = useTranslations();
  return (
    <main className="mx-auto flex min-h-screen max-w-xl flex-col justify-center gap-4 px-4 py-8">
      <h1 className="text-2xl font-semibold">{t("sharePage.notFoundTitle")}</h1>
      <p className="text-sm text-muted">{t("sharePage.notFoundBody")}</p>
      <p>
        <Link href="/" className={buttonVariants({ variant: "primary", size: "sm" })}>
          {t("sharePage.toPlayground")}
        </Link>
      </p>
    </main>
  );
}
