import { readFile } from "node:fs/promises";
import type { APIRequestContext, Browser, Page } from "@playwright/test";
import { defaultParameters, type PromptSnapshot } from "../../lib/workspace/model.ts";
import { expect, test } from "./fixtures.ts";
import { fake } from "./fake.ts";

const SYSTEM = "You are a helpful assistant that translates English to French. Translate the user sentence.";
const ANSWER = "J'adore la **programmation**.";

function answers(page: Page) {
  return page.locator('li[data-role="assistant"]');
}

/** Runs the seed conversation and returns what the playground's usage panel showed for it. */
async function runConversation(page: Page) {
  await fake.script({ content: ANSWER, usage: { prompt_tokens: 34, completion_tokens: 9, total_tokens: 43 } });
  await page.getByRole("textbox", { name: "System message" }).fill(SYSTEM);
  await page.getByRole("textbox", { name: "User message" }).fill("I love programming.");
  await page.getByRole("combobox", { name: "Model" }).selectOption("mistral-large-latest");
  await page.getByRole("spinbutton", { name: "Temperature" }).fill("0.3");
  await page.getByRole("button", { name: "Run" }).click();
  await expect(answers(page)).toHaveCount(1);
  const usage = page.getByRole("region", { name: "Token usage" });
  await expect(usage.getByTestId("usage-total")).toHaveText("43");
  return { cost: (await usage.getByTestId("usage-cost").textContent()) ?? "" };
}

/** Presses Share and returns the link the dialog shows. */
async function share(page: Page): Promise<string> {
  await page.getByRole("button", { name: "Share", exact: true }).click();
  const dialog = page.getByRole("dialog", { name: "Share this conversation" });
  const link = dialog.getByRole("textbox", { name: "Link" });
  await expect(link).toHaveValue(/\/s\/[A-Za-z0-9_-]{22}$/);
  return link.inputValue();
}

async function createShare(request: APIRequestContext, body: { title?: string; snapshot: PromptSnapshot }) {
  const response = await request.post("/api/shares", { data: body });
  expect(response.status()).toBe(201);
  return (await response.json()) as { id: string; url: string; deleteToken: string };
}

async function freshPage(browser: Browser, options: { javaScriptEnabled?: boolean } = {}) {
  const context = await browser.newContext(options);
  return context.newPage();
}

async function expectSharedTranscript(page: Page, cost: string) {
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("I love programming.");
  const transcript = page.getByRole("list", { name: "Transcript" });
  await expect(transcript.getByRole("listitem", { name: "Message 1 (User)" })).toHaveText(/I love programming\./);
  const answer = transcript.getByRole("listitem", { name: "Message 2 (Assistant)" });
  await expect(answer).toContainText("J'adore la programmation.");
  // Markdown is rendered: the bold is an element, not asterisks.
  await expect(answer.locator("strong")).toHaveText("programmation");
  await expect(answer).toContainText("34 in / 9 out");
  await expect(page.getByRole("region", { name: "System message" })).toContainText(SYSTEM);

  const parameters = page.getByRole("region", { name: "Parameters" });
  await expect(parameters).toContainText(/Model\s*mistral-large-latest/);
  await expect(parameters).toContainText(/Temperature\s*0\.3/);
  const usage = page.getByRole("region", { name: "Usage" });
  await expect(usage).toContainText(/Input tokens\s*34/);
  await expect(usage).toContainText(/Output tokens\s*9/);
  await expect(usage).toContainText(/Total tokens\s*43/);
  await expect(usage).toContainText(cost);
}

const snapshotWith = (overrides: Partial<PromptSnapshot>): PromptSnapshot => ({
  system: "",
  messages: [],
  parameters: { ...defaultParameters, temperature: 0.2 },
  variables: {},
  ...overrides,
});

test("a shared conversation reads the same in a fresh browser, with and without JavaScript", async ({
  page,
  browser,
}) => {
  const { cost } = await runConversation(page);
  const url = await share(page);

  for (const javaScriptEnabled of [true, false]) {
    const visitor = await freshPage(browser, { javaScriptEnabled });
    const response = await visitor.goto(url);
    expect(response?.status()).toBe(200);
    await expectSharedTranscript(visitor, cost);
    await expect(visitor).toHaveTitle("I love programming. – Mistral Playground");
    await expect(visitor.locator('meta[property="og:title"]')).toHaveAttribute("content", "I love programming.");
    await expect(visitor.locator('meta[name="description"]')).toHaveAttribute("content", /mistral-large-latest/);
    await expect(visitor.getByRole("link", { name: "Open in playground" })).toBeVisible();
    await visitor.context().close();
  }

  // Pressing Share again with nothing changed shows the same link rather than storing a copy.
  await page.keyboard.press("Escape");
  expect(await share(page)).toBe(url);
});

test("Open in playground loads a copy, asking first when it would replace work", async ({ page, browser, request }) => {
  const created = await createShare(request, {
    title: "Greeting",
    snapshot: snapshotWith({
      system: "Answer in {language}.",
      variables: { language: "French" },
      messages: [
        { id: "u1", role: "user", content: "Say hello." },
        { id: "a1", role: "assistant", content: "Bonjour !", status: "complete" },
      ],
    }),
  });

  // A visitor with an empty playground gets the copy at once.
  const visitor = await freshPage(browser);
  await visitor.goto(new URL(created.url, page.url()).href);
  await visitor.getByRole("link", { name: "Open in playground" }).click();
  await expect(visitor.getByRole("textbox", { name: "Message 1 (User) text" })).toHaveValue("Say hello.");
  await expect(answers(visitor).first()).toContainText("Bonjour !");
  await expect(visitor.getByRole("textbox", { name: "System message" })).toHaveValue("Answer in {language}.");
  await expect(visitor).toHaveURL(/\/$/);
  await visitor.context().close();

  // With work in the playground, the visitor is asked, and "Keep my work" keeps it.
  await page.getByRole("textbox", { name: "System message" }).fill("My own work");
  await page.goto(created.url);
  await page.getByRole("link", { name: "Open in playground" }).click();
  const question = page.getByRole("dialog", { name: "Replace your current work?" });
  await expect(question).toContainText("Greeting");
  await question.getByRole("button", { name: "Keep my work" }).click();
  await expect(question).toBeHidden();
  await expect(page.getByRole("textbox", { name: "System message" })).toHaveValue("My own work");

  await page.goto(created.url);
  await page.getByRole("link", { name: "Open in playground" }).click();
  await page
    .getByRole("dialog", { name: "Replace your current work?" })
    .getByRole("button", { name: "Replace" })
    .click();
  await expect(page.getByRole("textbox", { name: "System message" })).toHaveValue("Answer in {language}.");
  await expect(page.getByRole("textbox", { name: "Message 1 (User) text" })).toHaveValue("Say hello.");
});

test("the share page shows templated texts as sent, with their templates and values", async ({ page, request }) => {
  const created = await createShare(request, {
    snapshot: snapshotWith({
      system: "Answer about {city}.",
      variables: { city: "Paris" },
      messages: [{ id: "u1", role: "user", content: "Weather in {city}?" }],
    }),
  });
  await page.goto(created.url);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Weather in Paris?");
  await expect(page.getByRole("region", { name: "System message" })).toContainText("Answer about Paris.");
  const message = page.getByRole("listitem", { name: "Message 1 (User)" });
  await expect(message.getByText("Weather in Paris?")).toBeVisible();
  await message.getByText("Template").click();
  await expect(message.getByText("Weather in {city}?")).toBeVisible();
  await expect(page.getByRole("region", { name: "Variables" })).toContainText(/\{city\}\s*Paris/);
});

test("renaming and revoking from the creator's browser; a revoked link answers 404", async ({ page, browser }) => {
  await runConversation(page);
  const url = await share(page);
  const dialog = page.getByRole("dialog", { name: "Share this conversation" });
  await dialog.getByRole("textbox", { name: "Title" }).fill("French lesson");
  await dialog.getByRole("button", { name: "Save title" }).click();
  await expect(dialog.getByRole("status")).toHaveText("Title saved.");
  await dialog.getByRole("button", { name: "Done" }).click();

  const visitor = await freshPage(browser);
  await visitor.goto(url);
  await expect(visitor.getByRole("heading", { level: 1 })).toHaveText("French lesson");

  // The list survives a reload: the delete token stays in this browser.
  await page.reload();
  await page.getByRole("button", { name: "My shares" }).click();
  const mine = page.getByRole("dialog", { name: "My shares" });
  const item = mine.getByRole("listitem").filter({ hasText: "French lesson" });
  await expect(item).toHaveCount(1);
  await item.getByRole("button", { name: "Revoke “French lesson”" }).click();
  await item.getByRole("button", { name: "Revoke", exact: true }).click();
  await expect(
    mine.getByText("No shares left: the ones made in this browser were revoked, and their links no longer open."),
  ).toBeVisible();

  const gone = await visitor.goto(url);
  expect(gone?.status()).toBe(404);
  await expect(visitor.getByRole("heading", { name: "This share does not exist" })).toBeVisible();
  await expect(visitor).toHaveTitle(/This share does not exist/);
  await visitor.context().close();
});

test("My shares renames a share and asks before revoking it, on a phone and by keyboard", async ({ page, request }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.getByRole("button", { name: "My shares" }).click();
  const mine = page.getByRole("dialog", { name: "My shares" });
  await expect(mine.getByText("Nothing shared from this browser yet.")).toBeVisible();
  await mine.getByRole("button", { name: "Done" }).click();

  await runConversation(page);
  const url = await share(page);
  const id = url.split("/").at(-1) ?? "";
  const dialog = page.getByRole("dialog", { name: "Share this conversation" });
  // The dialog's promise, which My shares now keeps.
  await expect(dialog).toContainText("Rename or revoke it later from My shares");
  await dialog.getByRole("button", { name: "Done" }).click();

  await page.getByRole("button", { name: "My shares" }).click();
  const item = mine.getByRole("listitem").filter({ hasText: "I love programming." });
  await item.getByRole("button", { name: "Rename “I love programming.”" }).focus();
  await page.keyboard.press("Enter");
  const title = mine.getByRole("textbox", { name: "New title for “I love programming.”" });
  await expect(title).toBeFocused();
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.type("Lesson one");
  await page.keyboard.press("Enter");
  await expect(mine.getByRole("link", { name: "Lesson one" })).toBeVisible();
  expect(((await (await request.get(`/api/shares/${id}`)).json()) as { title: string }).title).toBe("Lesson one");

  // Revoke asks first; Cancel keeps the share.
  const renamed = mine.getByRole("listitem").filter({ hasText: "Lesson one" });
  await renamed.getByRole("button", { name: "Revoke “Lesson one”" }).click();
  await expect(renamed).toContainText("Revoke “Lesson one”? Its link stops working for everyone who has it.");
  await page.screenshot({ path: "test-results/my-shares-revoke-question.png" });
  await renamed.getByRole("button", { name: "Cancel" }).click();
  expect((await request.get(`/api/shares/${id}`)).status()).toBe(200);

  await renamed.getByRole("button", { name: "Revoke “Lesson one”" }).focus();
  await page.keyboard.press("Enter");
  const confirm = renamed.getByRole("button", { name: "Revoke", exact: true });
  await expect(confirm).toBeFocused();
  await page.keyboard.press("Enter");
  const allRevoked = "No shares left: the ones made in this browser were revoked, and their links no longer open.";
  await expect(mine.getByText(allRevoked)).toBeVisible();
  expect((await request.get(`/api/shares/${id}`)).status()).toBe(404);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

  // Still said rightly after a reload.
  await page.reload();
  await page.getByRole("button", { name: "My shares" }).click();
  await expect(mine.getByText(allRevoked)).toBeVisible();
});

test("a Markdown export imports back as the same prompt, by keyboard", async ({ page }) => {
  await runConversation(page);
  await page.getByRole("button", { name: "Export", exact: true }).click();
  const [markdown] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "Download Markdown" }).click(),
  ]);
  const text = await readFile(await markdown.path(), "utf8");
  // One wording with the share page.
  expect(text).toContain("- **Seed:** random\n");
  expect(text).toContain("- **Temperature:** 0.3\n");

  await page.getByRole("textbox", { name: "System message" }).fill("Work in progress");
  await page.getByRole("button", { name: "Delete message 2" }).click();
  const chooser = page.waitForEvent("filechooser");
  await page.getByRole("button", { name: "Import", exact: true }).focus();
  await page.keyboard.press("Enter");
  await (
    await chooser
  ).setFiles({ name: markdown.suggestedFilename(), mimeType: "text/markdown", buffer: Buffer.from(text) });
  const replace = page.getByRole("dialog", { name: "Replace your current work?" });
  await expect(replace).toContainText("Opening “I love programming.”");
  await replace.getByRole("button", { name: "Replace" }).click();
  await expect(page.getByRole("textbox", { name: "System message" })).toHaveValue(SYSTEM);
  await expect(answers(page)).toHaveCount(1);
  await expect(answers(page).first()).toContainText("J'adore la programmation.");
  await expect(answers(page).first()).toContainText("34 in / 9 out");
  await expect(page.getByRole("spinbutton", { name: "Temperature" })).toHaveValue("0.3");
  await expect(page.getByRole("combobox", { name: "Model" })).toHaveValue("mistral-large-latest");
});

test("an unknown share id gets the 404 page", async ({ page }) => {
  const response = await page.goto("/s/AAAAAAAAAAAAAAAAAAAAAA");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "This share does not exist" })).toBeVisible();
});

test("script in shared messages stays text: no dialog, nothing runs", async ({ page, request }) => {
  const payloads = [
    "<script>window.__pwned = 'script'; alert('script')</script>",
    "<img src=x onerror=\"window.__pwned = 'img'; alert('img')\">",
    "[click me](javascript:alert('link'))",
    '<a href="javascript:alert(1)">raw link</a>',
    "<svg onload=alert('svg')></svg>",
    "</script><script>alert('breakout')</script>",
  ];
  const created = await createShare(request, {
    title: "<script>alert('title')</script>",
    snapshot: snapshotWith({
      system: payloads.join("\n"),
      variables: { x: "<img src=x onerror=alert('var')>" },
      messages: [
        { id: "u1", role: "user", content: `${payloads.join("\n")}\n{x}` },
        { id: "a1", role: "assistant", content: payloads.join("\n\n"), status: "complete" },
        { id: "u2", role: "user", content: "Tool time" },
        {
          id: "a2",
          role: "assistant",
          content: "",
          toolCalls: [{ id: "abcdefghi", name: "run", arguments: payloads[0] ?? "" }],
        },
        { id: "t1", role: "tool", toolCallId: "abcdefghi", name: "run", content: payloads[1] ?? "" },
      ],
    }),
  });

  const dialogs: string[] = [];
  page.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await page.goto(created.url);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("<script>alert('title')</script>");
  const answer = page.getByRole("listitem", { name: "Message 2 (Assistant)" });
  await expect(answer).toContainText("<script>window.__pwned = 'script'; alert('script')</script>");
  await expect(answer.getByText("click me")).toBeVisible();
  await page.getByRole("listitem", { name: "Message 1 (User)" }).getByText("Template").click();

  expect(await page.evaluate(() => (window as { __pwned?: string }).__pwned)).toBeUndefined();
  await expect(page.locator('a[href^="javascript:"]')).toHaveCount(0);
  await expect(page.locator("img, [onload], [onerror]")).toHaveCount(0);
  expect(dialogs).toEqual([]);
  // Every script tag the server wrote is Next's own, carrying the response's nonce.
  const response = await request.get(created.url);
  const nonce = /'nonce-([^']+)'/.exec(response.headers()["content-security-policy"] ?? "")?.[1];
  const tags = (await response.text()).match(/<script\b[^>]*>/g) ?? [];
  expect(tags.length).toBeGreaterThan(0);
  expect(tags.filter((tag) => !tag.includes(`nonce="${nonce}"`))).toEqual([]);
});

test("security headers: a nonce CSP on pages, and no framing or sniffing anywhere", async ({ page, request }) => {
  const response = await page.goto("/");
  const headers = response?.headers() ?? {};
  const policy = headers["content-security-policy"] ?? "";
  const nonce = /'nonce-([^']+)'/.exec(policy)?.[1];
  expect(nonce).toBeTruthy();
  expect(policy).toContain("frame-ancestors 'none'");
  expect(policy).not.toMatch(/script-src[^;]*'unsafe-inline'/);
  expect(policy).not.toContain("'unsafe-eval'");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  // Scripts the server wrote carry the nonce; those they load are trusted through 'strict-dynamic'.
  const tags = (await response?.text())?.match(/<script\b[^>]*>/g) ?? [];
  expect(tags.length).toBeGreaterThan(0);
  expect(tags.filter((tag) => !tag.includes(`nonce="${nonce}"`))).toEqual([]);

  const again = await request.get("/");
  expect(again.headers()["content-security-policy"]).not.toBe(policy);

  const api = await request.get("/api/models");
  expect(api.headers()["content-security-policy"]).toBe("default-src 'none'; frame-ancestors 'none'");
  expect(api.headers()["x-content-type-options"]).toBe("nosniff");
});

test("the playground streams under the CSP without a single violation", async ({ page }) => {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as { __violations?: string[] }).__violations = seen;
    document.addEventListener("securitypolicyviolation", (event) =>
      seen.push(`${event.violatedDirective} ${event.blockedURI}`),
    );
  });
  const consoleErrors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error" && /Content Security Policy/i.test(message.text()))
      consoleErrors.push(message.text());
  });
  await page.reload();
  await fake.script({ chunks: ["Un", " deux", " trois."] });
  await page.getByRole("textbox", { name: "User message" }).fill("Count to three in French.");
  await page.getByRole("button", { name: "Run" }).click();
  await expect(answers(page).first()).toContainText("Un deux trois.");

  expect(await page.evaluate(() => (window as { __violations?: string[] }).__violations)).toEqual([]);
  expect(consoleErrors).toEqual([]);
});

test("export as JSON and Markdown, then import by file picker and by drop", async ({ page }) => {
  await runConversation(page);

  await page.getByRole("button", { name: "Export", exact: true }).click();
  const [json] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "Download JSON" }).click(),
  ]);
  expect(json.suggestedFilename()).toBe("i-love-programming.json");
  const jsonPath = await json.path();
  const file = JSON.parse(await readFile(jsonPath, "utf8")) as {
    format: string;
    version: number;
    snapshot: PromptSnapshot;
  };
  expect(file).toMatchObject({ format: "mistral-playground.transcript", version: 1 });
  expect(file.snapshot.messages.map((m) => m.content)).toEqual(["I love programming.", ANSWER]);

  await page.getByRole("button", { name: "Export", exact: true }).click();
  const [markdown] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "Download Markdown" }).click(),
  ]);
  expect(markdown.suggestedFilename()).toBe("i-love-programming.md");
  expect(await readFile(await markdown.path(), "utf8")).toContain("## Conversation");

  // A file that is not a transcript is refused with the reason, and nothing changes.
  await page.getByRole("textbox", { name: "System message" }).fill("Work in progress");
  const chooser = page.waitForEvent("filechooser");
  await page.getByRole("button", { name: "Import", exact: true }).click();
  await (
    await chooser
  ).setFiles({ name: "notes.json", mimeType: "application/json", buffer: Buffer.from('{"hello": 1}') });
  const failure = page.getByRole("dialog", { name: "Nothing was opened" });
  await expect(failure).toContainText('"format" must be "mistral-playground.transcript"');
  await failure.getByRole("button", { name: "OK" }).click();
  await expect(page.getByRole("textbox", { name: "System message" })).toHaveValue("Work in progress");

  // The exported file comes back through the picker, after confirming the replacement.
  const again = page.waitForEvent("filechooser");
  await page.getByRole("button", { name: "Import", exact: true }).click();
  await (await again).setFiles(jsonPath);
  await page
    .getByRole("dialog", { name: "Replace your current work?" })
    .getByRole("button", { name: "Replace" })
    .click();
  await expect(page.getByRole("textbox", { name: "System message" })).toHaveValue(SYSTEM);
  await expect(answers(page)).toHaveCount(1);

  // And by dropping it on the page.
  await page.getByRole("button", { name: "Delete message 2" }).click();
  const text = await readFile(jsonPath, "utf8");
  const dataTransfer = await page.evaluateHandle((content) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([content], "transcript.json", { type: "application/json" }));
    return transfer;
  }, text);
  await page.dispatchEvent("main", "dragenter", { dataTransfer });
  await expect(page.getByText("Drop a transcript file (JSON or Markdown) to open it")).toBeVisible();
  await page.dispatchEvent("main", "drop", { dataTransfer });
  await page
    .getByRole("dialog", { name: "Replace your current work?" })
    .getByRole("button", { name: "Replace" })
    .click();
  await expect(answers(page)).toHaveCount(1);
  await expect(answers(page).first()).toContainText("J'adore la programmation.");
});
