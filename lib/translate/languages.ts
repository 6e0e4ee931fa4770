/**
 * Languages the translation demo offers. `name` is what fills `{output_language}`: the English
 * name, as LangChain's translator chain writes it ("…translates English to German."). Chinese is
 * two targets, since the script is the choice a reader cares about.
 */
export type TargetLanguage = { code: string; name: string; nativeName: string };

export const targetLanguages: readonly TargetLanguage[] = [
  { code: "en", name: "English", nativeName: "English" },
  { code: "fr", name: "French", nativeName: "Français" },
  { code: "de", name: "German", nativeName: "Deutsch" },
  { code: "es", name: "Spanish", nativeName: "Español" },
  { code: "it", name: "Italian", nativeName: "Italiano" },
  { code: "pt", name: "Portuguese", nativeName: "Português" },
  { code: "nl", name: "Dutch", nativeName: "Nederlands" },
  { code: "pl", name: "Polish", nativeName: "Polski" },
  { code: "ru", name: "Russian", nativeName: "Русский" },
  { code: "ar", name: "Arabic", nativeName: "العربية" },
  { code: "hi", name: "Hindi", nativeName: "हिन्दी" },
  { code: "zh-Hans", name: "Simplified Chinese", nativeName: "简体中文" },
  { code: "zh-Hant", name: "Traditional Chinese", nativeName: "繁體中文" },
  { code: "ja", name: "Japanese", nativeName: "日本語" },
  { code: "ko", name: "Korean", nativeName: "한국어" },
];

export const defaultTargets: readonly string[] = ["fr", "de", "es"];

/**
 * A language's name in the reader's UI language, from Intl.DisplayNames ("Français" is 法语 to a
 * Chinese reader); the English `name` stays what the prompt is given.
 */
export function languageLabel(language: TargetLanguage, uiLocale: string): string {
  return new Intl.DisplayNames([uiLocale], { type: "language", fallback: "none" }).of(language.code) ?? language.name;
}

/** A language of the list, or any other language the browser can name (the user's own). */
export function findLanguage(code: string): TargetLanguage | undefined {
  return targetLanguages.find((language) => language.code === code) ?? namedLanguage(code);
}

function namedLanguage(code: string): TargetLanguage | undefined {
  let name: string | undefined;
  let nativeName: string | undefined;
  try {
    name = new Intl.DisplayNames(["en"], { type: "language", fallback: "none" }).of(code);
    nativeName = new Intl.DisplayNames([code], { type: "language", fallback: "none" }).of(code);
  } catch (error) {
    // Not a well-formed language tag.
    if (!(error instanceof RangeError)) throw error;
    return undefined;
  }
  if (!name) return undefined;
  return {
    code,
    name,
    nativeName: nativeName ? nativeName.charAt(0).toLocaleUpperCase(code) + nativeName.slice(1) : name,
  };
}

/**
 * The code of the language the browser says its user reads (`navigator.languages`, first
 * first): Chinese by script (zh-CN → zh-Hans, zh-TW → zh-Hant), others by their language alone.
 */
export function userLanguageCode(preferred: readonly string[]): string | undefined {
  for (const tag of preferred) {
    let locale: Intl.Locale;
    try {
      locale = new Intl.Locale(tag).maximize();
    } catch (error) {
      if (!(error instanceof RangeError)) throw error;
      continue;
    }
    const code = locale.language === "zh" ? `zh-${locale.script === "Hant" ? "Hant" : "Hans"}` : locale.language;
    if (findLanguage(code)) return code;
  }
  return undefined;
}

/** The list, with the user's own language added when it is not in it. */
export function offeredLanguages(userCode: string | undefined): readonly TargetLanguage[] {
  if (!userCode || targetLanguages.some((language) => language.code === userCode)) return targetLanguages;
  const own = findLanguage(userCode);
  return own ? [own, ...targetLanguages] : targetLanguages;
}

/**
 * Whether a target is the language the text is written in, as the template's `{input_language}`
 * names it (by English name, own name or code). Translating a text into its own language sends
 * a request that can only echo it.
 */
export function isSourceLanguage(language: TargetLanguage, sourceLanguage: string | undefined): boolean {
  const source = sourceLanguage?.trim().toLocaleLowerCase();
  if (!source) return false;
  return [language.name, language.nativeName, language.code].some((word) => word.toLocaleLowerCase() === source);
}
