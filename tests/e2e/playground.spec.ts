import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures.ts";
import { fake, plainMessages } from "./fake.ts";
import { E2E } from "./ports.ts";

const SYSTEM = "You are a helpful assistant that translates English to French. Translate the user sentence.";

async function fillSeed(page: Page) {
  await page.getByRole("textbox", { name: "System message" }).fill(SYSTEM);
  await page.getByRole("textbox", { name: "User message" }).fill("I love programming.");
  await page.getByRole("combobox", { name: "Model" }).selectOption("mistral-large-latest");
  await page.getByRole("spinbutton", { name: "Temperature" }).fill("0");
}

/** The playground's error box (Next's route announcer also has role="alert"). */
function alertBox(page: Page) {
  return page.locator('[role="alert"][data-code]');
}

function answers(page: Page) {
  return page.locator('li[data-role="assistant"]');
}

test("the seed scenario streams the answer and shows the usage Mistral reported", async ({ page }) => {
  await fake.script({
    chunks: ["J'adore", " la", " programmation", "."],
    usage: { prompt_tokens: 34, completion_tokens: 10, total_tokens: 44 },
  });
  await fillSeed(page);
  await page.getByRole("button", { name: "Run" }).click();

  await expect(answers(page)).toHaveCount(1);
  await expect(answers(page).first()).toContainText("J'adore la programmation.");
  await expect(page.getByRole("textbox", { name: "User message" })).toHaveValue("");

  const usage = page.getByRole("region", { name: "Token usage" });
  await expect(usage.getByTestId("usage-input")).toHaveText("34");
  await expect(usage.getByTestId("usage-output")).toHaveText("10");
  await expect(usage.getByTestId("usage-total")).toHaveText("44");
  await expect(usage.getByTestId("usage-finish-reason")).toHaveText("stop");
  await expect(usage.getByTestId("usage-model")).toHaveText("mistral-large-latest");
  await expect(usage.getByTestId("usage-response-id")).toHaveText(/^[0-9a-f]{32}$/);
  // 34 × $0.5/M + 10 × $1.5/M
  await expect(usage.getByTestId("usage-cost")).toHaveText("≈ $0.000032");

  const [request] = await fake.chatRequests();
  expect(request?.headers.authorization).toBe(`Bearer ${E2E.serverKey}`);
  expect(request?.body).toMatchObject({ model: "mistral-large-latest", temperature: 0, stream: true });
  expect(plainMessages(request)).toEqual([
    { role: "system", content: SYSTEM },
    { role: "user", content: "I love programming." },
  ]);
});

test("the answer streams in token by token, and Stop keeps what arrived", async ({ page }) => {
  await fake.script({ chunks: Array.from({ length: 40 }, (_, i) => `word${i} `) });
  await fake.fault({ kind: "slow", chunkDelayMs: 150 });
  await page.getByRole("textbox", { name: "User message" }).fill("Tell me a long story.");
  await page.getByRole("button", { name: "Run" }).click();

  const streaming = page.getByTestId("streaming-text");
  await expect(streaming).toContainText("word1");
  await expect(streaming).not.toContainText("word39");
  await page.getByRole("button", { name: "Stop" }).click();

  await expect(page.getByRole("button", { name: "Run" })).toBeVisible();
  const answer = answers(page).first();
  await expect(answer).toHaveAttribute("data-status", "stopped");
  await expect(answer).toContainText("Stopped");
  await expect(answer).toContainText("word1");
  await expect(answer).not.toContainText("word39");
  // Mistral sends usage at the end: the cost is unknown, not a model without a price.
  const usage = page.getByRole("region", { name: "Token usage" });
  await expect(usage.getByTestId("usage-cost")).toHaveText("unknown: no usage reported");
});

test("Regenerate replaces the last answer with a new run of the same conversation", async ({ page }) => {
  await fake.script({ content: "First answer." }, { content: "Second answer." });
  await page.getByRole("textbox", { name: "User message" }).fill("Hello");
  await page.getByRole("button", { name: "Run" }).click();
  await expect(answers(page).first()).toContainText("First answer.");

  await page.getByRole("button", { name: "Regenerate" }).click();
  await expect(answers(page)).toHaveCount(1);
  await expect(answers(page).first()).toContainText("Second answer.");
  const requests = await fake.chatRequests();
  expect(requests).toHaveLength(2);
  expect(requests[1]?.body.messages).toEqual(requests[0]?.body.messages);
});

test("edited messages are what the next run sends", async ({ page }) => {
  await fake.script({ content: "Original answer." }, { content: "Next answer." });
  await page.getByRole("textbox", { name: "User message" }).fill("First question");
  await page.getByRole("button", { name: "Run" }).click();
  await expect(answers(page).first()).toContainText("Original answer.");

  await page.getByRole("textbox", { name: "Message 1 (User) text" }).fill("Edited question");
  await answers(page).first().getByRole("button", { name: "Edit" }).click();
  await page.getByRole("textbox", { name: "Message 2 (Assistant) text" }).fill("Edited answer");
  await page.getByRole("textbox", { name: "User message" }).fill("Follow-up");
  await page.keyboard.press("Control+Enter");
  await expect(answers(page)).toHaveCount(2);

  const requests = await fake.chatRequests();
  expect(plainMessages(requests.at(-1))).toEqual([
    { role: "user", content: "Edited question" },
    { role: "assistant", content: "Edited answer" },
    { role: "user", content: "Follow-up" },
  ]);
});

test("messages can be inserted, switched between roles and deleted", async ({ page }) => {
  await page.getByRole("button", { name: "Add a message at the end" }).click();
  await page.getByRole("textbox", { name: "Message 1 (User) text" }).fill("Translate: cat");
  await page.getByRole("button", { name: "Add a message at the end" }).click();
  await page.getByRole("textbox", { name: "Message 2 (Assistant) text" }).fill("chat");
  await page.getByRole("button", { name: "Insert a message before message 2" }).click();
  await expect(page.locator("li[data-role]")).toHaveCount(3);
  await page.getByRole("combobox", { name: "Role of message 2" }).selectOption("assistant");
  await page.getByRole("button", { name: "Delete message 2" }).click();
  await expect(page.locator("li[data-role]")).toHaveCount(2);

  // The conversation ends with an assistant message: Run continues it in place (prefix: true).
  await fake.script({ content: " (French)" });
  await page.getByRole("button", { name: "Run" }).click();
  await expect(answers(page)).toContainText("chat (French)");
  await expect(answers(page)).toHaveCount(1);
  const [request] = await fake.chatRequests();
  expect(plainMessages(request)).toEqual([
    { role: "user", content: "Translate: cat" },
    { role: "assistant", content: "chat", prefix: true },
  ]);
});

test("the workspace survives a reload", async ({ page }) => {
  await fillSeed(page);
  await page.getByRole("button", { name: "Run" }).click();
  await expect(answers(page).first()).toContainText("J'adore la programmation.");
  await page.getByRole("textbox", { name: "User message" }).fill("A draft not sent yet");
  await page.getByRole("spinbutton", { name: "Max tokens" }).fill("256");

  await page.reload();
  await expect(page.getByRole("textbox", { name: "System message" })).toHaveValue(SYSTEM);
  await expect(page.getByRole("textbox", { name: "Message 1 (User) text" })).toHaveValue("I love programming.");
  await expect(answers(page).first()).toContainText("J'adore la programmation.");
  await expect(page.getByRole("textbox", { name: "User message" })).toHaveValue("A draft not sent yet");
  await expect(page.getByRole("spinbutton", { name: "Temperature" })).toHaveValue("0");
  await expect(page.getByRole("spinbutton", { name: "Max tokens" })).toHaveValue("256");
  await expect(page.getByRole("region", { name: "Token usage" }).getByTestId("usage-total")).not.toHaveText("—");
});

test("input Mistral would reject is refused before sending", async ({ page }) => {
  await page.getByRole("button", { name: "Run" }).click();
  await expect(alertBox(page)).toContainText("Add a user message");

  await page.getByRole("button", { name: "Add a message at the end" }).click();
  await page.getByRole("textbox", { name: "User message" }).fill("Hello");
  await page.getByRole("button", { name: "Run" }).click();
  await expect(alertBox(page)).toContainText("Message 1 is empty");
  // Nothing typed is lost: the composer keeps its text.
  await expect(page.getByRole("textbox", { name: "User message" })).toHaveValue("Hello");

  await page.getByRole("button", { name: "Delete message 1" }).click();
  const temperature = page.getByRole("spinbutton", { name: "Temperature" });
  await temperature.fill("0.7");
  await temperature.fill("2");
  await expect(page.getByText("Must be between 0 and 1.5")).toBeVisible();
  const seed = page.getByRole("spinbutton", { name: "Random seed" });
  await seed.fill("7");
  await seed.fill("1.5");
  // Every field that holds back a value says so, not only the out-of-range ones.
  await expect(page.getByText("Must be a whole number; not sent until fixed.")).toBeVisible();
  await page.getByRole("button", { name: "Run" }).click();
  await expect(answers(page)).toHaveCount(1);
  const [request] = await fake.chatRequests();
  expect(request?.body.temperature).toBe(0.7);
  expect(request?.body.random_seed).toBe(7);
});

test.describe("errors", () => {
  test("without any key, the page explains the two ways to give one", async ({ page }) => {
    await page.goto(`http://127.0.0.1:${E2E.noKeyPort}/`);
    await expect(page.getByTestId("no-key-notice")).toContainText("MISTRAL_API_KEY");
    await page.getByRole("textbox", { name: "User message" }).fill("Hello");
    await page.getByRole("button", { name: "Run" }).click();
    await expect(alertBox(page)).toContainText("Settings");
    await expect(page.getByRole("textbox", { name: "User message" })).toHaveValue("Hello");
    expect(await fake.chatRequests()).toHaveLength(0);

    // A key typed in Settings is sent with the run, and then the run works.
    await page.getByRole("button", { name: "Settings" }).click();
    await page.getByLabel("Mistral API key").fill("my-own-key");
    await page.getByRole("button", { name: "Save", exact: true }).click();
    await expect(page.getByTestId("no-key-notice")).toHaveCount(0);
    await page.getByRole("button", { name: "Run" }).click();
    await expect(answers(page)).toHaveCount(1);
    const [request] = await fake.chatRequests();
    expect(request?.headers.authorization).toBe("Bearer my-own-key");
  });

  test("a rejected key says so", async ({ page }) => {
    await page.getByRole("button", { name: "Settings" }).click();
    await page.getByLabel("Mistral API key").fill("bad-key");
    await page.getByRole("button", { name: "Save", exact: true }).click();
    await page.getByRole("textbox", { name: "User message" }).fill("Hello");
    await page.getByRole("button", { name: "Run" }).click();
    await expect(alertBox(page)).toContainText("Mistral rejected the API key");
    await expect(alertBox(page)).not.toContainText("bad-key");
    // The message was not answered: it is back in the composer, not left in the conversation.
    await expect(page.getByRole("textbox", { name: "User message" })).toHaveValue("Hello");
    await expect(page.locator("li[data-role]")).toHaveCount(0);
  });

  test("a 429 is retried, and one that persists past max retries is explained", async ({ page }) => {
    await fake.fault({ kind: "rate_limit", times: 1, retryAfterSeconds: 0 });
    await page.getByRole("textbox", { name: "User message" }).fill("Hello");
    await page.getByRole("button", { name: "Run" }).click();
    await expect(answers(page)).toHaveCount(1);
    expect((await fake.chatRequests()).map((r) => r.status)).toEqual([429, 200]);

    await fake.reset();
    await fake.fault({ kind: "rate_limit", times: 5, retryAfterSeconds: 0 });
    await page.getByRole("spinbutton", { name: "Max retries" }).fill("1");
    await page.getByRole("textbox", { name: "User message" }).fill("Again");
    await page.getByRole("button", { name: "Run" }).click();
    await expect(alertBox(page)).toContainText("rate limit");
    await expect(alertBox(page)).toContainText("1 retries");
    expect((await fake.chatRequests()).map((r) => r.status)).toEqual([429, 429]);
  });

  test("while the server waits to try Mistral again, the answer says why and for how long", async ({ page }) => {
    await fake.fault({ kind: "rate_limit", times: 1, retryAfterSeconds: 3 });
    await fake.script({ content: "Answered after the wait." });
    await page.getByRole("textbox", { name: "User message" }).fill("Hello");
    await page.getByRole("button", { name: "Run" }).click();
    const streaming = page.getByRole("listitem", { name: "Answer streaming" });
    await expect(
      streaming.getByRole("status").filter({
        hasText: /^Mistral answered HTTP 429: trying again in [1-3] seconds? \(attempt 2 of 3\)…$/,
      }),
    ).toBeVisible();
    await expect(answers(page)).toContainText("Answered after the wait.");
    await expect(page.getByText(/trying again/)).toHaveCount(0);
    expect((await fake.chatRequests()).map((r) => r.status)).toEqual([429, 200]);
  });

  test("a server error that persists is explained, and Retry runs again", async ({ page }) => {
    await fake.fault({ kind: "server_error", status: 503, times: 3 });
    await page.getByRole("spinbutton", { name: "Max retries" }).fill("0");
    await page.getByRole("textbox", { name: "User message" }).fill("Hello");
    await page.getByRole("button", { name: "Run" }).click();
    await expect(alertBox(page)).toContainText("not answering");
    await expect(alertBox(page)).toContainText("HTTP 503");
    await fake.fault(null);
    await alertBox(page).getByRole("button", { name: "Retry" }).click();
    await expect(answers(page)).toHaveCount(1);
    await expect(alertBox(page)).toHaveCount(0);
  });

  test("Mistral's 400 body becomes a readable sentence", async ({ page }) => {
    // A model id the list no longer has, as a workspace saved long ago would hold.
    await page.evaluate(() => {
      const workspace = { state: { parameters: { model: "mistral-nonexistent" } }, version: 1 };
      localStorage.setItem("mistral-playground.workspace", JSON.stringify(workspace));
    });
    await page.reload();
    await page.getByRole("textbox", { name: "User message" }).fill("Hello");
    await page.getByRole("button", { name: "Run" }).click();
    await expect(alertBox(page)).toContainText("Mistral rejected the request: Invalid model: mistral-nonexistent");
  });

  test("a stream cut mid-way keeps its text, is labelled Interrupted, and Retry runs it again", async ({ page }) => {
    await fake.script({ chunks: ["Partial ", "answer ", "that ", "never ", "ends."] });
    await fake.fault({ kind: "cut_mid_stream", afterChunks: 3 });
    await page.getByRole("textbox", { name: "User message" }).fill("Hello");
    await page.getByRole("button", { name: "Run" }).click();

    const answer = answers(page).first();
    await expect(answer).toHaveAttribute("data-status", "interrupted");
    await expect(answer).toContainText("Interrupted");
    await expect(answer).toContainText("Partial");
    await expect(alertBox(page)).toContainText("cut off");

    await fake.fault(null);
    await fake.script({ content: "Complete answer." });
    await answer.getByRole("button", { name: "Retry" }).click();
    await expect(answers(page)).toHaveCount(1);
    await expect(answers(page).first()).toContainText("Complete answer.");
    await expect(answers(page).first()).not.toHaveAttribute("data-status", "interrupted");
  });
});
