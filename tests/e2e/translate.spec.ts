import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures.ts";
import { fake, plainMessages, type RecordedRequest } from "./fake.ts";

function column(page: Page, language: string) {
  return page.getByRole("region", { name: "Translations" }).getByRole("region", { name: language, exact: true });
}

/** The prompt tokens the fake counts for a request: 4 a message plus one per started 4 characters. */
function countTokens(request: RecordedRequest | undefined): number {
  return plainMessages(request).reduce((sum, message) => sum + 4 + Math.ceil(String(message.content).length / 4), 0);
}

async function chooseLanguages(page: Page, chosen: string[]) {
  const picker = page.getByRole("group", { name: "Target languages" });
  await expect(picker.getByRole("checkbox")).not.toHaveCount(0);
  const checked = picker.getByRole("checkbox", { checked: true });
  while ((await checked.count()) > 0) await checked.first().uncheck();
  for (const language of chosen) await picker.getByRole("checkbox", { name: language, exact: true }).check();
}

test("three languages stream at once, side by side, each with its usage, and the total", async ({ page }) => {
  test.slow(); // the answers are paced a second a piece
  await page.getByRole("link", { name: "Translation demo" }).click();
  await expect(page.getByRole("heading", { name: "Translation demo" })).toBeVisible();
  await expect(page.getByRole("textbox", { name: "Source text" })).toHaveValue("I love programming.");
  await expect(page.getByRole("textbox", { name: "input_language", exact: true })).toHaveValue("English");
  await chooseLanguages(page, ["French", "German", "Japanese"]);

  // Every piece takes 1 s: one language after another could not show three partial texts
  // before the first one finishes.
  await fake.fault({ kind: "slow", chunkDelayMs: 1_000 });
  await page.getByRole("button", { name: "Translate" }).click();

  const french = column(page, "French");
  const german = column(page, "German");
  const japanese = column(page, "Japanese");
  await expect(french.getByTestId("translation-text")).toContainText("J'adore");
  await expect(german.getByTestId("translation-text")).toContainText("Ich");
  await expect(japanese.getByTestId("translation-text")).toContainText("私");
  for (const language of [french, german, japanese]) await expect(language).toHaveAttribute("data-status", "streaming");
  await expect(page.getByRole("button", { name: "Stop" })).toBeVisible();

  await expect(french.getByTestId("translation-text")).toHaveText("J'adore la programmation.", { timeout: 15_000 });
  await expect(german.getByTestId("translation-text")).toHaveText("Ich liebe das Programmieren.", { timeout: 15_000 });
  await expect(japanese.getByTestId("translation-text")).toHaveText("私はプログラミングが大好きです。", {
    timeout: 15_000,
  });
  for (const language of [french, german, japanese]) {
    await expect(language).toHaveAttribute("data-status", "done");
    await expect(language).toContainText(/\d+ in \/ \d+ out · stop · first token [\d.]+ m?s · [\d.]+ s/);
  }

  const total = page.getByRole("region", { name: "Total" });
  await expect(total.getByTestId("total-finished")).toHaveText("3 / 3");
  await expect(total.getByTestId("total-wall-time")).toHaveText(/[\d.]+ s/);

  const requests = await fake.chatRequests();
  expect(requests).toHaveLength(3);
  const sent = requests.map((request) => plainMessages(request));
  for (const language of ["French", "German", "Japanese"]) {
    expect(sent).toContainEqual([
      { role: "system", content: `You are a helpful assistant that translates English to ${language}.` },
      { role: "user", content: "I love programming." },
    ]);
  }
});

test("Stop cancels every language at once", async ({ page }) => {
  await page.goto("/translate");
  await chooseLanguages(page, ["Spanish", "Italian", "Korean"]);
  await fake.fault({ kind: "slow", chunkDelayMs: 2_000 });
  await page.getByRole("button", { name: "Translate" }).click();
  for (const language of ["Spanish", "Italian", "Korean"]) {
    await expect(column(page, language).getByTestId("translation-text")).not.toHaveText("Waiting for the first token…");
  }

  await page.getByRole("button", { name: "Stop" }).click();
  for (const language of ["Spanish", "Italian", "Korean"]) {
    await expect(column(page, language)).toHaveAttribute("data-status", "stopped");
  }
  await expect(page.getByRole("button", { name: "Translate" })).toBeEnabled();
  // Stopped languages are not done (this read "3 / 3" before).
  const total = page.getByRole("region", { name: "Total" });
  await expect(total.getByTestId("total-finished")).toHaveText("0 / 3");
  await expect(total.getByTestId("total-stopped")).toHaveText("3");
});

test("done, stopped and failed languages are counted apart, kept over a reload, and each can be copied or retried", async ({
  page,
  context,
}) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.goto("/translate");
  await chooseLanguages(page, ["French", "German", "Spanish"]);
  const total = page.getByRole("region", { name: "Total" });
  const french = column(page, "French");
  const german = column(page, "German");
  const spanish = column(page, "Spanish");

  // All three stopped while streaming…
  await fake.fault({ kind: "slow", chunkDelayMs: 2_000 });
  await page.getByRole("button", { name: "Translate" }).click();
  for (const language of [french, german, spanish]) {
    await expect(language.getByTestId("translation-text")).not.toHaveText("Waiting for the first token…");
  }
  await page.getByRole("button", { name: "Stop" }).click();
  await expect(spanish).toHaveAttribute("data-status", "stopped");

  // …then French retried to the end, by keyboard…
  await fake.reset();
  await french.getByRole("button", { name: "Retry French" }).focus();
  await page.keyboard.press("Enter");
  await expect(french).toHaveAttribute("data-status", "done");
  await expect(french.getByTestId("translation-text")).toHaveText("J'adore la programmation.");

  // …and German retried into a rejected key.
  await fake.fault({ kind: "unauthorized" });
  await german.getByRole("button", { name: "Retry German" }).click();
  await expect(german).toHaveAttribute("data-status", "failed");
  await expect(german.getByRole("alert")).toContainText("Mistral rejected the API key");

  const frenchRequest = (await fake.chatRequests()).find((request) =>
    plainMessages(request).some((message) => message.content === "I love programming."),
  );
  expect(frenchRequest).toBeDefined();
  const prompt = countTokens(frenchRequest);
  async function expectTotals() {
    await expect(total.getByTestId("total-finished")).toHaveText("1 / 3");
    await expect(total.getByTestId("total-stopped")).toHaveText("1");
    await expect(total.getByTestId("total-failed")).toHaveText("1");
    // Only French reported usage; the other two are said to have none rather than counted as 0.
    await expect(total.getByTestId("total-in-out")).toHaveText(new RegExp(`^${prompt} / \\d+ \\(2 not reported\\)$`));
  }
  await expectTotals();

  // A reload keeps every card as it ended, and the totals.
  await page.reload();
  await expect(french.getByTestId("translation-text")).toHaveText("J'adore la programmation.");
  await expect(french).toContainText(/\d+ in \/ \d+ out · stop/);
  await expect(german).toHaveAttribute("data-status", "failed");
  await expect(german.getByRole("alert")).toContainText("Mistral rejected the API key");
  await expect(spanish).toHaveAttribute("data-status", "stopped");
  await expect(spanish.getByTestId("translation-text")).not.toHaveText("");
  await expectTotals();

  await french.getByRole("button", { name: "Copy the French translation" }).click();
  await expect(french.getByRole("button", { name: "Copy the French translation" })).toHaveText("Copied");
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe("J'adore la programmation.");

  await fake.reset();
  await german.getByRole("button", { name: "Retry German" }).click();
  await expect(german.getByTestId("translation-text")).toHaveText("Ich liebe das Programmieren.");
  await expect(total.getByTestId("total-finished")).toHaveText("2 / 3");
  await expect(total.getByTestId("total-failed")).toHaveText("0");
});

test("English and both Chinese scripts are targets; the source's own language is refused", async ({ page }) => {
  await page.goto("/translate");
  await expect(
    page.getByText(
      "Prompt: the built-in translator. To translate with your own prompt, write one in the playground with a place for the language ({output_language}) and one for the text ({input}).",
    ),
  ).toBeVisible();
  await chooseLanguages(page, ["English", "Simplified Chinese", "Traditional Chinese"]);
  await page.getByRole("button", { name: "Translate" }).click();
  await expect(page.locator('[role="alert"][data-code]')).toHaveText(
    "The text is in English already. Untick English or change the source language.",
  );
  expect(await fake.chatRequests()).toHaveLength(0);

  await page.getByRole("textbox", { name: "input_language", exact: true }).fill("French");
  await page.getByRole("button", { name: "Translate" }).click();
  await expect(column(page, "Simplified Chinese").getByTestId("translation-text")).toHaveText("我喜欢编程。");
  await expect(column(page, "Traditional Chinese").getByTestId("translation-text")).toHaveText("我喜歡程式設計。");
  await expect(column(page, "English").getByTestId("translation-text")).toHaveText("I love programming.");
  await expect(page.locator('[role="alert"][data-code]')).toHaveCount(0);
  const systems = (await fake.chatRequests()).map((request) => plainMessages(request)[0]?.content);
  expect(systems.sort()).toEqual([
    "You are a helpful assistant that translates French to English.",
    "You are a helpful assistant that translates French to Simplified Chinese.",
    "You are a helpful assistant that translates French to Traditional Chinese.",
  ]);
});

test.describe("in a Swedish browser on a phone", () => {
  test.use({ locale: "sv-SE", viewport: { width: 390, height: 844 } });

  test("the user's own language is offered, and the result cards fit the screen", async ({ page }) => {
    await page.goto("/translate");
    const picker = page.getByRole("group", { name: "Target languages" });
    const swedish = picker.getByRole("checkbox", { name: "Swedish", exact: true });
    await expect(swedish).toHaveAccessibleDescription("your language");
    await chooseLanguages(page, ["Swedish", "French"]);
    await page.getByRole("button", { name: "Translate" }).click();
    await expect(column(page, "French")).toHaveAttribute("data-status", "done");
    await expect(column(page, "Swedish")).toHaveAttribute("data-status", "done");
    const systems = (await fake.chatRequests()).map((request) => plainMessages(request)[0]?.content);
    expect(systems).toContain("You are a helpful assistant that translates English to Swedish.");

    const retry = column(page, "Swedish").getByRole("button", { name: "Retry Swedish" });
    await retry.scrollIntoViewIfNeeded();
    await expect(retry).toBeInViewport();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.screenshot({ path: "test-results/translate-phone.png", fullPage: true });
  });
});

test("the playground's own translation template is used, with its other variables", async ({ page }) => {
  await page.getByRole("textbox", { name: "System message" }).fill("Translate to {output_language} for {audience}.");
  await page.getByRole("textbox", { name: "User message" }).fill("{input}");
  await page.getByRole("link", { name: "Translation demo" }).click();

  await expect(page.getByText("Prompt: the playground's own translation prompt.")).toBeVisible();
  await page.getByRole("textbox", { name: "Source text" }).fill("I love programming.");
  await chooseLanguages(page, ["German"]);
  await page.getByRole("button", { name: "Translate" }).click();
  await expect(page.locator('[role="alert"][data-code]')).toHaveText("Fill in the value of {audience} before running.");
  expect(await fake.chatRequests()).toHaveLength(0);

  await page.getByRole("textbox", { name: "audience", exact: true }).fill("children");
  await page.getByRole("button", { name: "Translate" }).click();
  await expect(column(page, "German").getByTestId("translation-text")).toHaveText("Ich liebe das Programmieren.");
  expect(plainMessages((await fake.chatRequests())[0])).toEqual([
    { role: "system", content: "Translate to German for children." },
    { role: "user", content: "I love programming." },
  ]);
});

test("the source text, values, model and languages survive a reload", async ({ page }) => {
  await page.goto("/translate");
  const source = page.getByRole("textbox", { name: "Source text" });
  await source.fill("Les chats dorment beaucoup.");
  await page.getByRole("textbox", { name: "input_language", exact: true }).fill("French");
  await page.getByRole("combobox", { name: "Model" }).selectOption("mistral-small-latest");
  await chooseLanguages(page, ["Korean", "Traditional Chinese"]);

  await page.reload();
  await expect(source).toHaveValue("Les chats dorment beaucoup.");
  await expect(page.getByRole("textbox", { name: "input_language", exact: true })).toHaveValue("French");
  await expect(page.getByRole("combobox", { name: "Model" })).toHaveValue("mistral-small-latest");
  const picker = page.getByRole("group", { name: "Target languages" });
  await expect(picker.getByRole("checkbox", { checked: true })).toHaveCount(2);
  await expect(picker.getByRole("checkbox", { name: "Korean", exact: true })).toBeChecked();
  await expect(picker.getByRole("checkbox", { name: "Traditional Chinese", exact: true })).toBeChecked();

  // A new template in the playground starts the demo from it again; the languages stay.
  await page.goto("/");
  await page.getByRole("textbox", { name: "System message" }).fill("Translate to {output_language}.");
  await page.getByRole("textbox", { name: "User message" }).fill("{input}");
  await page.getByRole("link", { name: "Translation demo" }).click();
  await expect(source).toHaveValue("");
  await expect(picker.getByRole("checkbox", { name: "Korean", exact: true })).toBeChecked();
});
