/** The languages of the UI, the cookie that keeps a reader's choice, and how a request picks one. */
export const locales = ["en", "zh-CN", "ko"] as const;
export type Locale = (typeof locales)[number];

export const defaultLocale: Locale = "en";

/** next-intl's own cookie name, so its tooling and ours agree. */
export const LOCALE_COOKIE = "NEXT_LOCALE";

/** Each language named in itself: a reader who cannot read the current UI still finds their own. */
export const localeNames: Record<Locale, string> = { en: "English", "zh-CN": "简体中文", ko: "한국어" };

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (locales as readonly string[]).includes(value);
}

/**
 * The UI language for one BCP 47 tag, if there is one. Any Chinese tag that is not Traditional
 * (zh-TW, zh-HK, zh-MO, zh-Hant) reads Simplified Chinese; `<html lang>` round-trips too.
 */
export function matchLocale(tag: string): Locale | undefined {
  const [language = "", ...rest] = tag.trim().toLowerCase().split(/[-_]/);
  if (language === "en") return "en";
  if (language === "ko") return "ko";
  if (language === "zh") return rest.some((part) => ["hant", "tw", "hk", "mo"].includes(part)) ? undefined : "zh-CN";
  return undefined;
}

/** The tags of an Accept-Language header, most wanted first (q=0 means "not this one"). */
export function acceptedLanguages(header: string): string[] {
  return header
    .split(",")
    .map((entry, index) => {
      const [tag = "", ...params] = entry.trim().split(";");
      const q = params.map((param) => param.trim().match(/^q=([0-9.]+)$/)?.[1]).find((value) => value !== undefined);
      const quality = q === undefined ? 1 : Number(q);
      return { tag: tag.trim(), quality: Number.isFinite(quality) ? quality : 0, index };
    })
    .filter(({ tag, quality }) => tag !== "" && tag !== "*" && quality > 0)
    .sort((a, b) => b.quality - a.quality || a.index - b.index)
    .map(({ tag }) => tag);
}

/** The reader's choice if they made one, else the first language of the browser we have, else English. */
export function negotiateLocale(input: { cookie?: string | undefined; acceptLanguage?: string | null }): Locale {
  if (isLocale(input.cookie)) return input.cookie;
  for (const tag of acceptedLanguages((input.acceptLanguage ?? "").slice(0, 1000))) {
    const locale = matchLocale(tag);
    if (locale) return locale;
  }
  return defaultLocale;
}
