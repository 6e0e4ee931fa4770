// use-intl/core, not next-intl: this module also runs in plain Node (the accounts command line),
// where next-intl's server entry cannot load next/headers.
import { createTranslator } from "use-intl/core";
import { en } from "./en";
import { ko } from "./ko";
import { defaultLocale, matchLocale, type Locale } from "./locales";
import { zhCN } from "./zh-CN";

/** The shape every catalogue has: English's keys, each an ICU message. */
export type Messages = typeof en;

export const catalogues: Record<Locale, Messages> = { en, "zh-CN": zhCN, ko };

declare module "next-intl" {
  interface AppConfig {
    Locale: Locale;
    Messages: Messages;
  }
}

/** The value of `<html lang>` for a locale. */
export function htmlLang(locale: Locale): string {
  return locale;
}

const translators = new Map<Locale, ReturnType<typeof translatorFor>>();

function translatorFor(locale: Locale) {
  return createTranslator({ locale, messages: catalogues[locale] });
}

export type Translator = ReturnType<typeof translatorFor>;

/** English whatever the page's language: for file formats that must read back anywhere (the Markdown transcript). */
export const english: Translator = translatorFor("en");

/**
 * The page's language, read from `<html lang>` (which the server set from the reader's choice), so
 * code outside React in the browser words its messages as the page does; it follows a switch of
 * language without a reload. On the server, outside a render, messages are English (API answers
 * carry an error code that the browser words in its own language).
 */
export function currentLocale(): Locale {
  if (typeof document === "undefined") return defaultLocale;
  return matchLocale(document.documentElement.lang) ?? defaultLocale;
}

/** Translates for code that runs outside React components (lib/); components use next-intl's hooks. */
export const t: ReturnType<typeof translatorFor> = Object.assign(
  (...args: Parameters<ReturnType<typeof translatorFor>>) => current()(...args),
  {
    rich: (...args: Parameters<ReturnType<typeof translatorFor>["rich"]>) => current().rich(...args),
    markup: (...args: Parameters<ReturnType<typeof translatorFor>["markup"]>) => current().markup(...args),
    raw: (...args: Parameters<ReturnType<typeof translatorFor>["raw"]>) => current().raw(...args) as unknown,
    has: (...args: Parameters<ReturnType<typeof translatorFor>["has"]>) => current().has(...args),
  },
) as ReturnType<typeof translatorFor>;

function current() {
  const locale = currentLocale();
  let translator = translators.get(locale);
  if (!translator) {
    translator = translatorFor(locale);
    translators.set(locale, translator);
  }
  return translator;
}

type Key = Parameters<Translator>[0];
type Values = Record<string, string | number>;

/**
 * A message for an API error answer: in English, with the key and values that let the browser
 * say it in its reader's language (`wordError`).
 */
export function errorWords(key: Key, values?: Values): { message: string; words: { key: string; values?: Values } } {
  return { message: english(key, values), words: values ? { key, values } : { key } };
}

/** Error codes whose sentence needs nothing from the server (no detail, no retry count). */
const selfContained = new Set([
  "not_found",
  "no_api_key",
  "invalid_api_key",
  "overloaded",
  "internal",
  "unauthenticated",
  "unavailable",
]);

/**
 * The sentence for an error answer in the page's language: from its words when they name a
 * message we have; else, outside English, the sentence for its code when that needs no detail
 * from the server; else the server's own English sentence.
 */
export function wordError(error: {
  code: string;
  message: string;
  words?: { key: string; values?: Values } | undefined;
}): string {
  const translate = current();
  const key = error.words?.key as Key | undefined;
  if (key && translate.has(key)) return translate(key, error.words?.values);
  if (currentLocale() !== "en" && selfContained.has(error.code)) return translate(`errors.${error.code}` as Key);
  return error.message;
}
