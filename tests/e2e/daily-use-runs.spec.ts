import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures.ts";
import { fake, plainMessages } from "./fake.ts";

/** The playground's error box (Next's route announcer also has role="alert"). */
function alertBox(page: Page) {
  return page.locator('[role="alert"][data-code]');
}

function messageItems(page: Page) {
  return page.locator("li[data-role]");
}

function answers(page: Page) {
  return page.locator('li[data-role="assistant"]');
}

function composer(page: Page) {
  return page.getByRole("textbox", { name: "User message", exact: true });
}

// Several runs and reloads each, on a loaded machine.
test.beforeEach(() => test.slow());

async function savePrompt(page: Page, name?: string) {
  await page.getByRole("button", { name: "Save prompt" }).click();
  const dialog = page.getByRole("dialog", { name: "Save prompt" });
  if (name !== undefined) await dialog.getByRole("textbox", { name: "Name" }).fill(name);
  await dialog.getByRole("button", { name: "Save" }).click();
  await expect(dialog).toBeHidden();
}

test("Save prompt keeps the composer: opening the prompt or restoring a version gives it back, and Run sends it", async ({
  page,
}) => {
  await page.getByRole("textbox", { name: "System message" }).fill("Be brief.");
  await composer(page).fill("Tell me about {topic}");
  await page.getByRole("region", { name: "Variables" }).getByRole("textbox").fill("owls");
  await savePrompt(page, "Animal facts");

  await composer(page).fill("Tell me about {topic} and mice");
  await savePrompt(page);
  await expect(page.getByRole("status").filter({ hasText: "Animal facts" })).toHaveText(
    "Saved “Animal facts”, version 2.",
  );

  await page.getByRole("button", { name: "Saved prompts" }).click();
  const library = page.getByRole("dialog", { name: "Saved prompts" });
  await library.getByRole("listitem", { name: "Animal facts" }).getByRole("button", { name: "History" }).click();
  const history = page.getByRole("dialog", { name: "History of Animal facts" });
  const compare = history.getByRole("region", { name: "Compare" });
  await expect(compare).toContainText("Next message (composer)");
  await expect(compare.locator("del")).toHaveText("- Tell me about {topic}");
  await expect(compare.locator("ins")).toHaveText("+ Tell me about {topic} and mice");

  await history.getByRole("button", { name: "Restore version 1" }).click();
  await expect(history).toBeHidden();
  await expect(composer(page)).toHaveValue("Tell me about {topic}");

  // Opening the saved prompt from an empty workspace gives the latest version's composer back.
  await composer(page).fill("");
  await page.getByRole("textbox", { name: "System message" }).fill("");
  await page.getByRole("button", { name: "Saved prompts" }).click();
  await library.getByRole("listitem", { name: "Animal facts" }).getByRole("button", { name: "Load" }).click();
  await expect(composer(page)).toHaveValue("Tell me about {topic} and mice");
  await expect(messageItems(page)).toHaveCount(0);

  await page.reload();
  await expect(composer(page)).toHaveValue("Tell me about {topic} and mice");
  await page.getByRole("button", { name: "Run" }).click();
  await expect(answers(page)).toHaveCount(1);
  const [request] = await fake.chatRequests();
  expect(plainMessages(request)).toEqual([
    { role: "system", content: "Be brief." },
    { role: "user", content: "Tell me about owls and mice" },
  ]);
});

test("Continue extends the edited answer, and its usage line says what it describes", async ({ page }) => {
  await composer(page).fill("Write a story");
  await page.getByRole("button", { name: "Run" }).click();
  await expect(answers(page)).toHaveCount(1);
  const answer = answers(page).first();
  await expect(answer.locator("[data-usage-of]")).toHaveAttribute("data-usage-of", "answer");

  await answer.getByRole("button", { name: "Edit" }).click();
  await page.getByRole("textbox", { name: "Message 2 (Assistant) text" }).fill("Once upon a time");
  await answer.getByRole("button", { name: "Done" }).click();
  await expect(answer.locator("[data-usage-of]")).toHaveAttribute("data-usage-of", "edited");
  await expect(answer).toContainText("Edited after this run");

  await page.getByRole("button", { name: "Run" }).click();
  await expect(answer).toContainText("Once upon a time You said: Write a story");
  await expect(answers(page)).toHaveCount(1);
  await expect(messageItems(page)).toHaveCount(2);
  await expect(answer.locator("[data-usage-of]")).toHaveAttribute("data-usage-of", "continued");
  await expect(answer).toContainText("Continued (usage of the last continuation only)");

  const requests = await fake.chatRequests();
  expect(requests).toHaveLength(2);
  expect(plainMessages(requests[1]).at(-1)).toEqual({ role: "assistant", content: "Once upon a time", prefix: true });

  await page.reload();
  await expect(answers(page)).toHaveCount(1);
  await expect(answers(page).first()).toContainText("Once upon a time You said: Write a story");
  await expect(answers(page).first().locator("[data-usage-of]")).toHaveAttribute("data-usage-of", "continued");
});

test("each JSON answer is checked against the format it was run with, also after a reload", async ({ page }) => {
  await page.getByRole("combobox", { name: "Response format" }).selectOption({ label: "JSON object" });
  await composer(page).fill("A film, please.");
  await page.getByRole("button", { name: "Run" }).click();
  const first = answers(page).first().getByTestId("json-check");
  await expect(first).toHaveText("✓ Valid JSON");

  // A schema the first answer does not match: it was never asked for it.
  await page.getByRole("combobox", { name: "Response format" }).selectOption({ label: "JSON schema" });
  await page.getByLabel("JSON Schema", { exact: true }).fill(
    JSON.stringify({
      type: "object",
      properties: { year: { type: "integer" } },
      required: ["year"],
      additionalProperties: false,
    }),
  );
  await page.getByLabel("Schema name").fill("film");
  await expect(first).toHaveText("✓ Valid JSON");

  await composer(page).fill("Another one.");
  await page.getByRole("button", { name: "Run" }).click();
  await expect(answers(page)).toHaveCount(2);
  await expect(answers(page).nth(1).getByTestId("json-check")).toHaveText('✓ Matches the schema "film"');

  await page.reload();
  await expect(answers(page).first().getByTestId("json-check")).toHaveText("✓ Valid JSON");
  await expect(answers(page).nth(1).getByTestId("json-check")).toHaveText('✓ Matches the schema "film"');
});

test("a rejected key offers Settings, not Retry, and the message goes back to the composer", async ({ page }) => {
  await fake.fault({ kind: "unauthorized" });
  await composer(page).fill("Hello");
  await page.getByRole("button", { name: "Run" }).click();
  await expect(alertBox(page)).toContainText("Mistral rejected the API key");
  await expect(alertBox(page).getByRole("button", { name: "Retry" })).toHaveCount(0);
  await expect(composer(page)).toHaveValue("Hello");
  await expect(messageItems(page)).toHaveCount(0);

  await alertBox(page).getByRole("button", { name: "Settings" }).click();
  const settings = page.getByRole("dialog", { name: "Settings" });
  await expect(settings.getByLabel("Mistral API key")).toBeVisible();
  await settings.getByLabel("Mistral API key").fill("a-better-key");
  await settings.getByRole("button", { name: "Save", exact: true }).click();
  await expect(settings).toBeHidden();

  await fake.fault(null);
  await page.getByRole("button", { name: "Run" }).click();
  await expect(answers(page)).toHaveCount(1);
  const requests = await fake.chatRequests();
  expect(requests.at(-1)?.headers.authorization).toBe("Bearer a-better-key");
  expect(plainMessages(requests.at(-1))).toEqual([{ role: "user", content: "Hello" }]);
});

test("after a failed run, typing again never stacks two user turns", async ({ page }) => {
  await fake.fault({ kind: "server_error", status: 503, times: 1 });
  await page.getByRole("spinbutton", { name: "Max retries" }).fill("0");
  await composer(page).fill("First try");
  await page.getByRole("button", { name: "Run" }).click();
  await expect(alertBox(page)).toContainText("HTTP 503");
  await expect(composer(page)).toHaveValue("First try");
  await expect(messageItems(page)).toHaveCount(0);

  await composer(page).fill("First try, reworded");
  await page.getByRole("button", { name: "Run" }).click();
  await expect(answers(page)).toHaveCount(1);
  await expect(messageItems(page)).toHaveCount(2);
  const requests = await fake.chatRequests();
  expect(plainMessages(requests.at(-1))).toEqual([{ role: "user", content: "First try, reworded" }]);
});

test("JSON in a prompt is made literal in one click, and Mustache variables are converted", async ({ page }) => {
  await page.getByRole("textbox", { name: "System message" }).fill('Reply like {"name": "Ada"}.');
  await composer(page).fill("Hello");
  await page.getByRole("button", { name: "Run" }).click();
  await expect(alertBox(page)).toContainText("is not a variable name");
  expect(await fake.chatRequests()).toHaveLength(0);

  await alertBox(page).getByRole("button", { name: "Treat braces as literal" }).click();
  await expect(page.getByRole("textbox", { name: "System message" })).toHaveValue('Reply like {{"name": "Ada"}}.');
  await expect(alertBox(page)).toHaveCount(0);
  await page.getByRole("button", { name: "Run" }).click();
  await expect(answers(page)).toHaveCount(1);
  const [request] = await fake.chatRequests();
  expect(plainMessages(request)[0]).toEqual({ role: "system", content: 'Reply like {"name": "Ada"}.' });

  const variables = page.getByRole("region", { name: "Variables" });
  await composer(page).fill("Tell me about {{ topic }} in {{tone}}");
  await expect(variables).toContainText("written as in Mustache");
  await variables.getByRole("button", { name: "Convert to {name} in User message" }).click();
  await expect(composer(page)).toHaveValue("Tell me about {topic} in {tone}");
  await expect(variables.getByRole("textbox")).toHaveCount(2);
});
