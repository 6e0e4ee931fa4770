import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/auth/sign-in-form";
import { oidcProvider, signInRequired, signUpDomains } from "@/lib/auth/config";
import { getTranslations } from "next-intl/server";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations();
  return { title: t("auth.title") };
}

/** Only local paths: `next` must not send a signed-in user to another site. */
function safeNext(next: string | string[] | undefined): string {
  return typeof next === "string" && next.startsWith("/") && !next.startsWith("//") ? next : "/";
}

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[]>>;
}) {
  const t = await getTranslations();
  if (!signInRequired()) redirect("/");
  const { next, error } = await searchParams;
  return (
    <main className="mx-auto flex min-h-screen max-w-sm flex-col justify-center gap-6 px-4 py-10">
      <h1 className="text-xl font-semibold text-fg">{t("auth.title")}</h1>
      <SignInForm
        next={safeNext(next)}
        canSignUp={signUpDomains().length > 0}
        withOidc={oidcProvider() !== undefined}
        providerFailed={typeof error === "string"}
      />
    </main>
  );
}
