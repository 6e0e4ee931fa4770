import Link from "next/link";
import { useTranslations } from "next-intl";
import { buttonVariants } from "./button";

/** A page that is not there: what happened, and the way back to the playground. */
export function NotFoundPage({ title, body }: { title: string; body: string }) {
  const t = useTranslations();
  return (
    <main className="mx-auto flex min-h-screen max-w-xl flex-col justify-center gap-4 px-4 py-8">
      <h1 className="text-2xl font-semibold">{title}</h1>
      <p className="text-sm text-muted">{body}</p>
      <p>
        <Link href="/" className={buttonVariants({ variant: "primary", size: "sm" })}>
          {t("sharePage.toPlayground")}
        </Link>
      </p>
    </main>
  );
}
