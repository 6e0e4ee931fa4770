import type { Metadata } from "next";
import { connection } from "next/server";
import { CompareLoader } from "@/components/compare/compare-loader";
import { messages } from "@/lib/i18n";

export const metadata: Metadata = { title: `${messages.compare.title} · ${messages.app.title}` };

export default async function ComparePage() {
  // Read the environment per request, not at build time.
  await connection();
  const serverHasKey = Boolean(process.env.MISTRAL_API_KEY?.trim());
  return <CompareLoader serverHasKey={serverHasKey} />;
}
