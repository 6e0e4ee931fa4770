"use client";

import { useLocale, useTranslations } from "next-intl";
import { languageLabel, type TargetLanguage } from "@/lib/translate/languages";

/** Checkboxes named by each language's name in the reader's language, with its own name beside it. */
export function LanguagePicker({
  languages,
  userCode,
  selected,
  disabled,
  onChange,
}: {
  languages: readonly TargetLanguage[];
  /** The browser's language, marked as the user's own. */
  userCode: string | undefined;
  selected: readonly string[];
  disabled: boolean;
  onChange: (codes: string[]) => void;
}) {
  const t = useTranslations();
  const locale = useLocale();
  return (
    <fieldset disabled={disabled} className="space-y-1">
      <legend className="mb-1 text-xs font-medium text-muted">{t("translate.targets")}</legend>
      <div className="grid grid-cols-2 gap-x-3 gap-y-1">
        {languages.map((language) => (
          <label key={language.code} className="flex min-w-0 flex-wrap items-center gap-x-2 text-sm">
            <input
              type="checkbox"
              className="accent-accent"
              checked={selected.includes(language.code)}
              aria-describedby={language.code === userCode ? "translate-your-language" : undefined}
              onChange={(event) =>
                onChange(
                  event.target.checked
                    ? [...selected, language.code]
                    : selected.filter((code) => code !== language.code),
                )
              }
            />
            {languageLabel(language, locale)}
            <span lang={language.code} aria-hidden className="truncate text-xs text-muted">
              {language.nativeName}
            </span>
            {language.code === userCode ? (
              // Out of the checkbox's name (it is the language's), read as its description instead.
              <span
                id="translate-your-language"
                aria-hidden
                className="shrink-0 rounded border border-accent px-1 text-[11px] text-fg"
              >
                {t("translate.yourLanguage")}
              </span>
            ) : null}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
