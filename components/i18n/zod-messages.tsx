"use client";

import { useLocale } from "next-intl";
import { useEffect } from "react";
import { z } from "zod";
import type { Locale } from "@/lib/i18n/locales";

const zodLocales: Record<Locale, () => Parameters<typeof z.config>[0]> = {
  en: z.locales.en,
  "zh-CN": z.locales.zhCN,
  ko: z.locales.ko,
};

/** zod's own messages (shown when an imported file does not parse) in the page's language. */
export function ZodMessages() {
  const locale = useLocale();
  useEffect(() => {
    z.config(zodLocales[locale]());
  }, [locale]);
  return null;
}
