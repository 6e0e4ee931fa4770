import { parse, TYPE, type MessageFormatElement } from "@formatjs/icu-messageformat-parser";
import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { catalogues, type Messages } from "@/lib/i18n";
import { locales } from "@/lib/i18n/locales";

type Tree = { [key: string]: string | Tree };

/** Every message of a catalogue by its dotted key. */
function flatten(tree: Tree, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") out.set(path, value);
    else for (const [inner, text] of flatten(value, path)) out.set(inner, text);
  }
  return out;
}

/** The arguments a message takes, with their kind (`plural`, `number`, or plain). */
function argumentsOf(elements: readonly MessageFormatElement[], into = new Map<string, string>()): Map<string, string> {
  for (const element of elements) {
    if (element.type === TYPE.argument) into.set(element.value, into.get(element.value) ?? "text");
    if (element.type === TYPE.number) into.set(element.value, "number");
    if (element.type === TYPE.plural || element.type === TYPE.select) {
      into.set(element.value, element.type === TYPE.plural ? "plural" : "select");
      for (const option of Object.values(element.options)) argumentsOf(option.value, into);
    }
  }
  return into;
}

const english = flatten(catalogues.en as unknown as Tree);

describe("UI catalogues", () => {
  it.each(locales)("%s has exactly the keys of every other catalogue", (locale) => {
    const keys = [...flatten(catalogues[locale] as unknown as Tree).keys()].sort();
    expect(keys).toEqual([...english.keys()].sort());
  });

  it("finds a key missing from a catalogue", () => {
    const broken = structuredClone(catalogues.ko) as unknown as Tree;
    delete (broken.settings as Tree).language;
    expect([...flatten(broken).keys()].sort()).not.toEqual([...english.keys()].sort());
  });

  it.each(locales)("%s: every message is valid ICU with the arguments the English one takes", (locale) => {
    for (const [key, text] of flatten(catalogues[locale] as unknown as Tree)) {
      expect(text.trim(), key).not.toBe("");
      const theirs = argumentsOf(parse(text));
      const ours = argumentsOf(parse(english.get(key) ?? ""));
      expect({ key, args: [...theirs.keys()].sort() }).toEqual({ key, args: [...ours.keys()].sort() });
      for (const [name, kind] of ours) {
        if (kind === "plural") expect({ key, name, kind: theirs.get(name) }).toEqual({ key, name, kind });
      }
    }
  });

  it.each(locales)("%s: every message formats without an error", (locale) => {
    const errors: string[] = [];
    const t = createTranslator({
      locale,
      messages: catalogues[locale],
      onError: (error) => errors.push(error.message),
    });
    for (const [key, text] of flatten(catalogues[locale] as unknown as Tree)) {
      const names = [...argumentsOf(parse(text)).keys()];
      const values = Object.fromEntries(names.map((name) => [name, 2]));
      const out = (t as unknown as (key: string, values: Record<string, number>) => string)(key, values);
      for (const name of names) expect(out, key).not.toContain(`{${name}`);
    }
    expect(errors).toEqual([]);
  });

  it("words counts by each language's plural rules", () => {
    const t = (locale: (typeof locales)[number]) => createTranslator({ locale, messages: catalogues[locale] });
    expect(t("en")("sharePage.messageCount", { n: 1 })).toBe("1 message");
    expect(t("en")("sharePage.messageCount", { n: 12 })).toBe("12 messages");
    expect(t("zh-CN")("sharePage.messageCount", { n: 12 })).toBe("12 条消息");
    expect(t("ko")("sharePage.messageCount", { n: 12 })).toBe("메시지 12개");
    expect(t("en")("prompts.confirmDelete", { n: 1, name: "A" })).toBe("Delete “A”?");
    expect(t("en")("prompts.confirmDelete", { n: 3, name: "A" })).toBe("Delete “A” and its 3 versions?");
    expect(t("ko")("prompts.confirmDelete", { n: 1, name: "A" })).toBe("‘A’을(를) 삭제할까요?");
    expect(t("zh-CN")("prompts.confirmDelete", { n: 3, name: "A" })).toBe("删除“A”及其 3 个版本？");
    // Numbers through Intl: grouping as each language writes it.
    expect(t("en")("usage.unpriced", { n: 12345 })).toBe("12,345 without a price");
    expect(t("ko")("translate.notReported", { n: 1234 })).toBe("보고되지 않음 1,234건");
  });

  it("shows quoted braces as braces, for the template syntax the UI explains", () => {
    for (const locale of locales) {
      const t = createTranslator({ locale, messages: catalogues[locale] });
      expect(t("translate.promptFromPreset")).toContain("{output_language}");
      expect(t("compare.cases.noVariables")).toContain("{name}");
    }
  });

  it.each(locales.filter((locale) => locale !== "en"))("%s is translated, not English left in place", (locale) => {
    const theirs = flatten(catalogues[locale] as unknown as Tree);
    const same = [...english].filter(([key, text]) => theirs.get(key) === text && /[a-z]{4,}/.test(text));
    // Product and format names stay as they are (Markdown, JSON, curl, "Mistral Playground"…).
    expect(same.map(([key]) => key).length).toBeLessThan(english.size * 0.03);
  });
});

// A compile-time check as well: a catalogue typed as Messages cannot miss a key.
export type _CataloguesAreComplete = Record<(typeof locales)[number], Messages>;
