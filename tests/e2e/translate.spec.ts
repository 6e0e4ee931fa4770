import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures.ts";
import { fake, plainMessages } from "./fake.ts";

function column(page: Page, language: string) {
  return page.getByRole("region", { name: "Translations" }).getByRole("region", { name: language, exact: true });
}

async function chooseLanguages(page: Page, chosen: string[]) {
  const picker = page.getByRole("group", { name: "Target languages" });
  await expect(picker.getByRole("checkbox")).not.toHaveCount(0);
  const checked = picker.getByRole("checkbox", { checked: true });
  while ((await checked.count()) > 0) await checked.first().uncheck();
  for (const language of chosen) await picker.getByRole("checkbox", { name: language, exact: true }).check();
}

test("three languages stream at once, side by side, each with its usage, and the total", async ({ page }) => {
  await page.getByRole("link", { name: "Translation demo" }).click();
  await expect(page.getByRole("heading", { name: "Translation demo" })).toBeVisible();
  await expect(page.getByRole("textbox", { name: "Source text" })).toHaveValue("I love programming.");
  await expect(page.getByRole("textbox", { name: "input_language", exact: true })).toHaveValue("English");
  await chooseLanguages(page, ["French", "German", "Japanese"]);

  // Every piece takes 700 ms: one language after another could not show three partial texts
  // before the first one finishes.
  await fake.fault({ kind: "slow", chunkDelayMs: 700 });
  await page.getByRole("button", { name: "Translate" }).click();

  const french = column(page, "French");
  const german = column(page, "German");
  const japanese = column(page, "Japanese");
  await expect(french.getByTestId("translation-text")).toContainText("J'adore");
  await expect(german.getByTestId("translation-text")).toContainText("Ich");
  await expect(japanese.getByTestId("translation-text")).toContainText("私");
  for (const language of [french, german, japanese]) await expect(language).toHaveAttribute("data-status", "streaming");
  await expect(page.locator('[data-status="done"]')).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Stop" })).toBeVisible();

  await expect(french.getByTestId("translation-text")).toHaveText("J'adore la programmation.", { timeout: 15_000 });
  await expect(german.getByTestId("translation-text")).toHaveText("Ich liebe das Programmieren.", { timeout: 15_000 });
  await expect(japanese.getByTestId("translation-text")).toHaveText("私はプログラミングが大好きです。", {
    timeout: 15_000,
  });
  for (const language of [french, german, japanese]) {
    await expect(language).toHaveAttribute("data-status", "done");
    await expect(language).toContainText(/\d+ in \/ \d+ out · stop · first token \d+ ms · [\d.]+ s/);
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
  await expect(page.getByRole("region", { name: "Total" }).getByTestId("total-finished")).toHaveText("3 / 3");
});

test("the playground's own translation template is used, with its other variables", async ({ page }) => {
  await page.getByRole("textbox", { name: "System message" }).fill("Translate to {output_language} for {audience}.");
  await page.getByRole("textbox", { name: "User message" }).fill("{input}");
  await page.getByRole("link", { name: "Translation demo" }).click();

  await expect(page.getByText("Prompt: the playground's")).toBeVisible();
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
  await chooseLanguages(page, ["Korean", "Chinese"]);

  await page.reload();
  await expect(source).toHaveValue("Les chats dorment beaucoup.");
  await expect(page.getByRole("textbox", { name: "input_language", exact: true })).toHaveValue("French");
  await expect(page.getByRole("combobox", { name: "Model" })).toHaveValue("mistral-small-latest");
  const picker = page.getByRole("group", { name: "Target languages" });
  await expect(picker.getByRole("checkbox", { checked: true })).toHaveCount(2);
  await expect(picker.getByRole("checkbox", { name: "Korean", exact: true })).toBeChecked();
  await expect(picker.getByRole("checkbox", { name: "Chinese", exact: true })).toBeChecked();

  // A new template in the playground starts the demo from it again; the languages stay.
  await page.goto("/");
  await page.getByRole("textbox", { name: "System message" }).fill("Translate to {output_language}.");
  await page.getByRole("textbox", { name: "User message" }).fill("{input}");
  await page.getByRole("link", { name: "Translation demo" }).click();
  await expect(source).toHaveValue("");
  await expect(picker.getByRole("checkbox", { name: "Korean", exact: true })).toBeChecked();
});
