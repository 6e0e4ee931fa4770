"use client";

import { messages as t } from "@/lib/i18n";
import { targetLanguages } from "@/lib/translate/languages";

/** Checkboxes named by each language's English name, with its own name beside it. */
export function LanguagePicker({
  selected,
  disabled,
  onChange,
}: {
  selected: readonly string[];
  disabled: boolean;
  onChange: (codes: string[]) => void;
}) {
  return (
    <fieldset disabled={disabled} className="space-y-1">
      <legend className="mb-1 text-xs font-medium text-muted">{t.translate.targets}</legend>
      <div className="grid grid-cols-2 gap-x-3 gap-y-1">
        {targetLanguages.map((language) => (
          <label key={language.code} className="flex items-center gap-2 text-sm">
            <input
              type="checkbox"
              className="accent-accent"
              checked={selected.includes(language.code)}
              onChange={(event) =>
                onChange(
                  event.target.checked
                    ? [...selected, language.code]
                    : selected.filter((code) => code !== language.code),
                )
              }
            />
            {language.name}
            <span lang={language.code} aria-hidden className="truncate text-xs text-muted">
              {language.nativeName}
            </span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
