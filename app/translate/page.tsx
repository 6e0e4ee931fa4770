import type { Metadata } from "next";
import { connection } from "next/server";
import { TranslateLoader } from "@/components/translate/translate-loader";
import { getTranslations } from "next-intl/server";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations();
  return { title: `${t("translate.title")} · ${t("app.title")}` };
}

export default async function TranslatePage() {
  // Read the environment per request, not at build time.
  await connection();
  const serverHasKey = Boolean(process.env.MISTRAL_API_KEY?.trim());
  return <TranslateLoader serverHasKey={serverHasKey} />;
}
