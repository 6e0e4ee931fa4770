import { expect, test } from "./fixtures.ts";
import { fake } from "./fake.ts";
import { chooseLocale, createNeutralShare, englishLeftovers, pageWords, uiLocales } from "./locale.ts";

/** The UI in each language: `lang` set, no English left, switching in place, IMEs respected. */

for (const { locale, lang, messages } of uiLocales.filter(({ locale }) => locale !== "en")) {
  test(`${locale}: the playground, the translation demo and a share page speak it`, async ({
    page,
    context,
    request,
  }) => {
    const id = await createNeutralShare(request);
    await chooseLocale(context, locale);
    const leftovers = englishLeftovers(messages);
    for (const path of ["/", "/translate", "/compare", `/s/${id}`, "/no-such-page"]) {
      await page.goto(path);
      await expect(page.locator("html")).toHaveAttribute("lang", lang);
      await expect(page.getByRole("main")).toBeVisible();
      const words = await pageWords(page);
      expect({ path, english: leftovers.filter((phrase) => phrase.test(words)).map(String) }).toEqual({
        path,
        english: [],
      });
    }
  });
}

test.describe("in a Korean browser", () => {
  test.use({ locale: "ko-KR" });

  test("the server answers in Korean from Accept-Language, before any script runs", async ({ request }) => {
    const html = await (
      await request.get("/translate", { headers: { "accept-language": "ko-KR,ko;q=0.9,en;q=0.5" } })
    ).text();
    expect(html).toContain('<html lang="ko"');
    expect(html).toContain("번역 데모");
  });
});

test("switching the language keeps the conversation, and the choice holds on the next visit", async ({ page }) => {
  await fake.script({ content: "Bonjour 42", usage: { prompt_tokens: 3, completion_tokens: 2, total_tokens: 5 } });
  await page.getByRole("textbox", { name: "System message" }).fill("Réponds en français.");
  await page.getByRole("textbox", { name: "User message" }).fill("Hello");
  await page.getByRole("button", { name: "Run" }).click();
  await expect(page.locator('li[data-role="assistant"]')).toContainText("Bonjour 42");
  await page.getByRole("textbox", { name: "User message" }).fill("half-written next turn");

  await page.getByRole("button", { name: "Settings" }).click();
  const language = page.getByRole("combobox", { name: "Language" });
  await expect(language.getByRole("option")).toHaveText(["English", "简体中文", "한국어"]);
  await language.selectOption({ label: "한국어" });
  await expect(page.locator("html")).toHaveAttribute("lang", "ko");
  await expect(page.getByRole("dialog", { name: "설정" })).toBeVisible();
  await page.keyboard.press("Escape");

  await expect(page.getByRole("textbox", { name: "시스템 메시지" })).toHaveValue("Réponds en français.");
  await expect(page.getByRole("listitem", { name: "1번 메시지(사용자)" })).toContainText("Hello");
  await expect(page.locator('li[data-role="assistant"]')).toContainText("Bonjour 42");
  await expect(page.getByRole("textbox", { name: "사용자 메시지" })).toHaveValue("half-written next turn");
  await expect(page.getByRole("button", { name: "실행" })).toBeVisible();

  await page.reload();
  await expect(page.locator("html")).toHaveAttribute("lang", "ko");
  await expect(page.locator('li[data-role="assistant"]')).toContainText("Bonjour 42");

  await page.getByRole("button", { name: "설정" }).click();
  await page.getByRole("combobox", { name: "Language" }).selectOption({ label: "简体中文" });
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
  await expect(page.getByRole("dialog", { name: "设置" })).toBeVisible();
});

test("Ctrl+Enter while an IME composition is open does not run; after it, it does", async ({ page }) => {
  await fake.script({ content: "好的", usage: { prompt_tokens: 3, completion_tokens: 2, total_tokens: 5 } });
  const composer = page.getByRole("textbox", { name: "User message" });
  await composer.fill("你好");
  await composer.focus();
  // What a browser sends while the IME's candidate window is open: the keys carry isComposing.
  await composer.evaluate((element) => {
    for (const type of ["keydown", "keyup"])
      element.dispatchEvent(
        new KeyboardEvent(type, { key: "Enter", ctrlKey: true, isComposing: true, bubbles: true, cancelable: true }),
      );
  });
  await page.keyboard.press("Control+Enter");
  await expect(page.locator('li[data-role="assistant"]')).toContainText("好的");
  await expect(page.locator('li[data-role="user"]')).toHaveCount(1);
  expect(await fake.chatRequests()).toHaveLength(1);
});
