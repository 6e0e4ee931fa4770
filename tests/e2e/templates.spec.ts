import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures.ts";
import { fake, plainMessages } from "./fake.ts";

const TRANSLATOR_SYSTEM = "You are a helpful assistant that translates {input_language} to {output_language}.";

function variables(page: Page) {
  return page.getByRole("region", { name: "Variables" });
}

function variable(page: Page, name: string) {
  return variables(page).getByRole("textbox", { name, exact: true });
}

/** The playground's error box (Next's route announcer also has role="alert"). */
function alertBox(page: Page) {
  return page.locator('[role="alert"][data-code]');
}

async function loadPreset(page: Page, name: string) {
  await page.getByRole("button", { name: "Presets" }).click();
  await page.getByRole("button", { name, exact: true }).click();
}

async function savePrompt(page: Page, name?: string) {
  await page.getByRole("button", { name: "Save prompt" }).click();
  const dialog = page.getByRole("dialog", { name: "Save prompt" });
  if (name !== undefined) await dialog.getByRole("textbox", { name: "Name" }).fill(name);
  await dialog.getByRole("button", { name: "Save" }).click();
  await expect(dialog).toBeHidden();
}

test("the translator chain runs end to end: Mistral receives the rendered texts", async ({ page }) => {
  await loadPreset(page, "Translator chain");

  await expect(page.getByRole("textbox", { name: "System message" })).toHaveValue(TRANSLATOR_SYSTEM);
  await expect(variables(page).getByRole("textbox")).toHaveCount(3);
  await expect(variable(page, "input_language")).toHaveValue("English");
  await expect(variable(page, "output_language")).toHaveValue("German");
  await expect(variable(page, "input")).toHaveValue("I love programming.");

  await variables(page).getByText("Preview").click();
  const preview = variables(page).getByRole("list", { name: "Rendered prompt" });
  await expect(preview).toContainText("You are a helpful assistant that translates English to German.");

  await page.getByRole("button", { name: "Run" }).click();
  await expect(page.locator('li[data-role="assistant"]')).toContainText("Ich liebe das Programmieren.");

  const requests = await fake.chatRequests();
  expect(requests).toHaveLength(1);
  expect(plainMessages(requests[0])).toEqual([
    { role: "system", content: "You are a helpful assistant that translates English to German." },
    { role: "user", content: "I love programming." },
  ]);
  // The workspace keeps the template, not the rendered text.
  await expect(page.getByRole("textbox", { name: "System message" })).toHaveValue(TRANSLATOR_SYSTEM);
});

test("variables appear as they are typed; a missing value blocks Run and is named", async ({ page }) => {
  await page.getByRole("textbox", { name: "System message" }).fill("Answer in {language}, {{like this}}.");
  await page.getByRole("textbox", { name: "User message" }).fill("Say hi to {person}.");
  await expect(variables(page).getByRole("textbox")).toHaveCount(2);
  await expect(variable(page, "language")).toBeVisible();
  await expect(variable(page, "person")).toBeVisible();

  await variable(page, "language").fill("French");
  await page.getByRole("button", { name: "Run" }).click();
  await expect(alertBox(page)).toHaveText("Fill in the value of {person} before running.");
  expect(await fake.chatRequests()).toHaveLength(0);
  // Nothing the user typed is lost.
  await expect(page.getByRole("textbox", { name: "User message" })).toHaveValue("Say hi to {person}.");

  await variable(page, "person").fill("Ada {Lovelace}");
  await page.getByRole("button", { name: "Run" }).click();
  await expect(page.locator('li[data-role="assistant"]')).toHaveCount(1);
  expect(plainMessages((await fake.chatRequests())[0])).toEqual([
    { role: "system", content: "Answer in French, {like this}." },
    { role: "user", content: "Say hi to Ada {Lovelace}." },
  ]);
});

test("a template error is shown where it is, and values persist with the workspace", async ({ page }) => {
  await page.getByRole("textbox", { name: "System message" }).fill("Use {tone} and a {broken");
  await expect(variables(page)).toContainText("System message: Unclosed {");
  await page.getByRole("textbox", { name: "System message" }).fill("Use a {tone} tone.");
  await variable(page, "tone").fill("warm");

  await page.reload();
  await expect(variable(page, "tone")).toHaveValue("warm");
});

test("a preset asks before it replaces unsaved work", async ({ page }) => {
  const composer = page.getByRole("textbox", { name: "User message" });
  await composer.fill("A draft I have not sent");
  await loadPreset(page, "Translator chain");

  const question = page.getByRole("dialog", { name: "Replace your current work?" });
  await expect(question).toContainText("Opening “Translator chain” replaces");
  await question.getByRole("button", { name: "Keep my work" }).click();
  await expect(question).toBeHidden();
  await expect(composer).toHaveValue("A draft I have not sent");
  await expect(page.getByRole("textbox", { name: "System message" })).toHaveValue("");

  await loadPreset(page, "Translator chain");
  await question.getByRole("button", { name: "Replace" }).click();
  await expect(page.getByRole("textbox", { name: "System message" })).toHaveValue(TRANSLATOR_SYSTEM);
  await expect(composer).toHaveValue("");
  await expect(page.getByRole("status").filter({ hasText: "preset" })).toHaveText(
    "Loaded the preset “Translator chain”.",
  );
});

test("saved prompts keep every version, compare two and restore one", async ({ page }) => {
  await loadPreset(page, "Translator chain");
  await savePrompt(page, "My translator");
  await expect(page.getByRole("status").filter({ hasText: "My translator" })).toHaveText(
    "Saved “My translator”, version 1.",
  );

  await variable(page, "output_language").fill("French");
  await savePrompt(page); // a new version of the prompt the workspace came from
  await expect(page.getByRole("status").filter({ hasText: "My translator" })).toHaveText(
    "Saved “My translator”, version 2.",
  );

  await page.getByRole("button", { name: "Saved prompts" }).click();
  const library = page.getByRole("dialog", { name: "Saved prompts" });
  const item = library.getByRole("listitem", { name: "My translator" });
  await expect(item).toContainText("2 versions");
  await item.getByRole("button", { name: "History" }).click();

  const history = page.getByRole("dialog", { name: "History of My translator" });
  const compare = history.getByRole("region", { name: "Compare" });
  await expect(compare).toContainText("Variable output_language");
  await expect(compare.locator("del")).toHaveText("- German");
  await expect(compare.locator("ins")).toHaveText("+ French");

  await history.getByRole("button", { name: "Restore version 1" }).click();
  await expect(history).toBeHidden();
  await expect(variable(page, "output_language")).toHaveValue("German");

  // Saved prompts survive a reload, with their history.
  await page.reload();
  await page.getByRole("button", { name: "Saved prompts" }).click();
  await expect(library.getByRole("listitem", { name: "My translator" })).toContainText("2 versions");
});

test("saved prompts can be searched, loaded, renamed, duplicated and deleted", async ({ page }) => {
  await loadPreset(page, "Summariser");
  await savePrompt(page, "Summary");
  await loadPreset(page, "JSON extraction");
  await savePrompt(page, "Contacts");

  await page.getByRole("button", { name: "Saved prompts" }).click();
  const library = page.getByRole("dialog", { name: "Saved prompts" });
  const items = library.getByRole("list", { name: "Saved prompts" }).getByRole("listitem");
  await expect(items).toHaveCount(2);

  await library.getByRole("searchbox", { name: "Search saved prompts" }).fill("faithfully");
  await expect(items).toHaveCount(1);
  await expect(items.first()).toHaveAccessibleName("Summary");
  await items.first().getByRole("button", { name: "Load" }).click();
  await expect(library).toBeHidden();
  await expect(variable(page, "sentences")).toHaveValue("2");

  await page.getByRole("button", { name: "Saved prompts" }).click();
  await library.getByRole("searchbox", { name: "Search saved prompts" }).fill("");
  const summary = library.getByRole("listitem", { name: "Summary" });
  await summary.getByRole("button", { name: "Rename" }).click();
  await summary.getByRole("textbox", { name: "New name for Summary" }).fill("Short summary");
  await summary.getByRole("button", { name: "Save" }).click();
  await expect(library.getByRole("listitem", { name: "Short summary" })).toBeVisible();

  await library.getByRole("listitem", { name: "Short summary" }).getByRole("button", { name: "Duplicate" }).click();
  await expect(library.getByRole("listitem", { name: "Short summary (copy)" })).toBeVisible();

  const contacts = library.getByRole("listitem", { name: "Contacts" });
  await contacts.getByRole("button", { name: "Delete" }).click();
  await expect(contacts).toContainText("Delete “Contacts”?");
  await contacts.getByRole("button", { name: "Delete" }).click();
  await expect(items).toHaveCount(2);
  await expect(library.getByRole("listitem", { name: "Contacts" })).toHaveCount(0);
});

test("View code turns the workspace into code, one tab a language, with a copy button", async ({ page, context }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await loadPreset(page, "Translator chain");
  await page.getByRole("button", { name: "View code" }).click();
  const dialog = page.getByRole("dialog", { name: "Code for this workspace" });
  const tabs = dialog.getByRole("tab");
  await expect(tabs).toHaveText(["LangChain (Python)", "Mistral SDK (Python)", "AI SDK (TypeScript)", "curl"]);

  const panel = dialog.getByRole("tabpanel");
  await expect(dialog.getByRole("tab", { name: "LangChain (Python)", exact: true })).toHaveAttribute(
    "aria-selected",
    "true",
  );
  await expect(panel).toContainText(`("system", "${TRANSLATOR_SYSTEM}")`);
  await expect(panel).toContainText('"output_language": "German"');

  await dialog.getByRole("tab", { name: "Mistral SDK (Python)", exact: true }).click();
  await expect(panel).toContainText("client.chat.complete(");
  await expect(panel).toContainText("translates English to German.");

  // Arrow keys move between tabs.
  await dialog.getByRole("tab", { name: "Mistral SDK (Python)", exact: true }).press("ArrowRight");
  await expect(dialog.getByRole("tab", { name: "AI SDK (TypeScript)", exact: true })).toBeFocused();
  await expect(panel).toContainText("streamText({");

  await dialog.getByRole("tab", { name: "curl", exact: true }).click();
  await expect(panel).toContainText('"content": "I love programming."');
  await dialog.getByRole("button", { name: "Copy code" }).click();
  await expect(dialog.getByRole("button", { name: "Copy code" })).toHaveText("Copied");
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toMatch(/^curl -sS/);
  expect(copied).toContain("translates English to German.");
});
