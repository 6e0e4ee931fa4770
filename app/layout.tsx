import type { Metadata } from "next";
import { connection } from "next/server";
import type { ReactNode } from "react";
import { AccountBar } from "@/components/auth/account-bar";
import { messages } from "@/lib/i18n";
import "./globals.css";

export const metadata: Metadata = {
  title: messages.app.title,
  description: messages.app.description,
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // The Content-Security-Policy (proxy.ts) carries a fresh nonce per request, which Next can only
  // put on the scripts of pages rendered per request: no page may be prerendered.
  await connection();
  return (
    <html lang="en">
      <body className="min-h-screen antialiased">
        <AccountBar />
        {children}
      </body>
    </html>
  );
}
