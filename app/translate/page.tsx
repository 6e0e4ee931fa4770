import type { Metadata } from "next";
import { connection } from "next/server";
import { TranslateLoader } from "@/components/translate/translate-loader";
import { messages } from "@/lib/i18n";

export const metadata: Metadata = { title: `${messages.translate.title} · ${messages.app.title}` };

export default async function TranslatePage() {
  // Read the environment per request, not at build time.
  await connection();
  const serverHasKey = Boolean(process.env.MISTRAL_API_KEY?.trim());
  return <TranslateLoader serverHasKey={serverHasKey} />;
}
