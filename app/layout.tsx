import type { Metadata } from "next";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getTranslations } from "next-intl/server";
import { connection } from "next/server";
import type { ReactNode } from "react";
import { AccountBar } from "@/components/auth/account-bar";
import { ZodMessages } from "@/components/i18n/zod-messages";
import { htmlLang } from "@/lib/i18n";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations();
  return { title: t("app.title"), description: t("app.description") };
}

export default async function RootLayout({ children }: { children: ReactNode }) {
  // The Content-Security-Policy (proxy.ts) carries a fresh nonce per request, which Next can only
  // put on the scripts of pages rendered per request: no page may be prerendered.
  await connection();
  const locale = await getLocale();
  return (
    <html lang={htmlLang(locale)}>
      <body className="min-h-screen antialiased">
        <NextIntlClientProvider>
          <ZodMessages />
          <AccountBar />
          {children}
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
