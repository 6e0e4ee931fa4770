import type { APIRequestContext, BrowserContext, Page } from "@playwright/test";
import { expect } from "@playwright/test";
import { en } from "../../lib/i18n/en.ts";
import { ko } from "../../lib/i18n/ko.ts";
import { zhCN } from "../../lib/i18n/zh-CN.ts";
import { defaultParameters } from "../../lib/workspace/model.ts";
import { E2E } from "./ports.ts";

/** The UI languages and the catalogue and `<html lang>` of each, for the specs that go through them all. */
export const uiLocales = [
  { locale: "en", lang: "en", messages: en, settings: "Settings", language: "Language" },
  { locale: "zh-CN", lang: "zh-CN", messages: zhCN, settings: "设置", language: "语言（Language）" },
  { locale: "ko", lang: "ko", messages: ko, settings: "설정", language: "언어(Language)" },
] as const;

/** Makes a browser context read the UI in a language, as the Language combobox would. */
export async function chooseLocale(context: BrowserContext, locale: string): Promise<void> {
  await context.addCookies([{ name: "NEXT_LOCALE", value: locale, url: `http://127.0.0.1:${E2E.appPort}` }]);
}

/** A share of a short conversation whose words are no catalogue's, for pages read in any language. */
export async function createNeutralShare(request: APIRequestContext): Promise<string> {
  const response = await request.post("/api/shares", {
    data: {
      title: "42 · 你好 · 안녕",
      snapshot: {
        system: "",
        messages: [
          { id: "m1", role: "user", content: "你好 · 안녕 · 42" },
          { id: "m2", role: "assistant", content: "**42** · 你好 · 안녕" },
        ],
        parameters: { ...defaultParameters, model: "mistral-large-latest" },
        variables: {},
      },
    },
  });
  expect(response.status()).toBe(201);
  return ((await response.json()) as { id: string }).id;
}

type Tree = { [key: string]: string | Tree };

function leaves(tree: Tree): string[] {
  return Object.values(tree).flatMap((value) => (typeof value === "string" ? [value] : leaves(value)));
}

/**
 * English UI phrases to look for on a page shown in another language: the English catalogue's
 * messages without arguments, minus those the other catalogue keeps (names such as JSON or
 * Markdown, or words it quotes, like "Language" beside 语言).
 */
export function englishLeftovers(messages: Tree): RegExp[] {
  const theirs = leaves(messages);
  return leaves(en as unknown as Tree)
    .filter((text) => !text.includes("{") && /[A-Za-z]{3}/.test(text))
    .filter((text) => !theirs.some((translated) => translated.includes(text)))
    .map((text) => new RegExp(`(^|[^A-Za-z])${text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}($|[^A-Za-z])`));
}

/** What a page says: its text and the names, placeholders and titles a screen reader or hover shows. */
export async function pageWords(page: Page): Promise<string> {
  return page.evaluate(() => {
    const attributes = [...document.querySelectorAll("[aria-label],[placeholder],[title],[alt]")].flatMap((element) =>
      ["aria-label", "placeholder", "title", "alt"].map((name) => element.getAttribute(name) ?? ""),
    );
    return [document.title, document.body.innerText, ...attributes].join("\n");
  });
}
