import type { Metadata } from "next";
import { connection } from "next/server";
import { CompareLoader } from "@/components/compare/compare-loader";
import { getTranslations } from "next-intl/server";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations();
  return { title: `${t("compare.title")} · ${t("app.title")}` };
}

export default async function ComparePage() {
  // Read the environment per request, not at build time.
  await connection();
  const serverHasKey = Boolean(process.env.MISTRAL_API_KEY?.trim());
  return <CompareLoader serverHasKey={serverHasKey} />;
}
