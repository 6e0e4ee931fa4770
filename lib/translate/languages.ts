/**
 * Languages the translation demo offers. `name` is what fills `{output_language}`: the English
 * name, as LangChain's translator chain writes it ("…translates English to German.").
 */
export type TargetLanguage = { code: string; name: string; nativeName: string };

export const targetLanguages: readonly TargetLanguage[] = [
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
  { code: "zh", name: "Chinese", nativeName: "中文" },
  { code: "ja", name: "Japanese", nativeName: "日本語" },
  { code: "ko", name: "Korean", nativeName: "한국어" },
];

export const defaultTargets: readonly string[] = ["fr", "de", "es"];

export function findLanguage(code: string): TargetLanguage | undefined {
  return targetLanguages.find((language) => language.code === code);
}
