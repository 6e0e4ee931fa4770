"use client";

import { useLocale, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useId, useState, useTransition } from "react";
import { Field, inputClass } from "@/components/ui/field";
import { isLocale, LOCALE_COOKIE, localeNames, locales } from "@/lib/i18n/locales";

/**
 * The UI language, each option named in its own language. The choice goes in a cookie, so the
 * server renders every later page in it; the page re-renders in place (no reload), so nothing
 * being edited or streamed is lost.
 */
export function LanguageSelect({ className }: { className?: string }) {
  const t = useTranslations();
  const locale = useLocale();
  const router = useRouter();
  const [chosen, setChosen] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const id = useId();
  return (
    <Field id={id} label={t("settings.language")} hint={t("settings.languageHint")} className={className}>
      <select
        id={id}
        className={inputClass}
        value={pending && chosen ? chosen : locale}
        aria-busy={pending}
        onChange={(event) => {
          const next = event.target.value;
          if (!isLocale(next)) return;
          setChosen(next);
          document.cookie = `${LOCALE_COOKIE}=${next}; path=/; max-age=${60 * 60 * 24 * 365}; samesite=lax`;
          startTransition(() => router.refresh());
        }}
      >
        {locales.map((option) => (
          <option key={option} value={option} lang={option}>
            {localeNames[option]}
          </option>
        ))}
      </select>
    </Field>
  );
}
