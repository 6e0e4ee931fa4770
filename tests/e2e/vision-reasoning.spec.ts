import { expect, test, type Page } from "@playwright/test";
import { fake } from "./fake.ts";

// A 2×2 red PNG.
const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAFklEQVR4nGP8z8DAwMDAxMDAwMDAAAANHQEDasKb6QAAAABJRU5ErkJggg==",
  "base64",
);

test.beforeEach(async ({ page }) => {
  await fake.reset();
  await page.goto("/");
});

const composer = (page: Page) => page.getByRole("textbox", { name: "User message" });
const answers = (page: Page) => page.locator('li[data-role="assistant"]');

async function attachByPicker(page: Page, name = "dot.png") {
  const chooser = page.waitForEvent("filechooser");
  await page.getByRole("button", { name: "Attach image" }).last().click();
  await (await chooser).setFiles({ name, mimeType: "image/png", buffer: PNG });
  await expect(page.getByRole("img", { name })).toBeVisible();
}

async function imageLoaded(page: Page, name: string) {
  await expect
    .poll(() => page.getByRole("img", { name }).evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth))
    .toBe(2);
}

test("an image attached with the picker is sent as an image_url chunk, bytes unchanged", async ({ page }) => {
  await page.getByRole("combobox", { name: "Model" }).selectOption("mistral-small-latest");
  await composer(page).fill("What is this?");
  await attachByPicker(page);
  await page.getByRole("button", { name: "Run" }).click();
  await expect(answers(page).first()).toContainText("I see 1 image. You said: What is this?");

  const [request] = await fake.chatRequests();
  expect(request!.body.messages.at(-1).content).toEqual([
    { type: "text", text: "What is this?" },
    { type: "image_url", image_url: `data:image/png;base64,${PNG.toString("base64")}` },
  ]);
  // The image stays on the user message, removable there.
  const userMessage = page.locator('li[data-role="user"]').first();
  await expect(userMessage.getByRole("img", { name: "dot.png" })).toBeVisible();
  await userMessage.getByRole("button", { name: "Remove image" }).click();
  await expect(userMessage.getByRole("img")).toHaveCount(0);
});

test("an image pasted into the composer is attached; text pastes stay text", async ({ page }) => {
  await composer(page).focus();
  await page.evaluate((base64) => {
    const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
    const data = new DataTransfer();
    data.items.add(new File([bytes], "pasted.png", { type: "image/png" }));
    document.activeElement!.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true }));
  }, PNG.toString("base64"));
  await expect(page.getByRole("img", { name: "pasted.png" })).toBeVisible();
  await expect(composer(page)).toHaveValue("");
});

test("Run refuses images for a model without vision and names those that can see", async ({ page }) => {
  await page.getByRole("combobox", { name: "Model" }).selectOption("codestral-latest");
  await composer(page).fill("What is this?");
  await attachByPicker(page);
  await page.getByRole("button", { name: "Run" }).click();
  const alert = page.getByRole("alert").filter({ hasText: "cannot see images" });
  await expect(alert).toContainText("codestral-latest cannot see images. Models that can:");
  await expect(alert).toContainText("mistral-small-latest");
  expect(await fake.chatRequests()).toHaveLength(0);
  // Nothing typed or attached is lost.
  await expect(composer(page)).toHaveValue("What is this?");
  await expect(page.getByRole("img", { name: "dot.png" })).toBeVisible();
});

test("a reload keeps the attached image (bytes in IndexedDB, not in localStorage)", async ({ page }) => {
  await composer(page).fill("Keep this");
  await attachByPicker(page, "kept.png");
  await page.getByRole("button", { name: "Run" }).click();
  await expect(answers(page)).toHaveCount(1);
  await attachByPicker(page, "draft.png");
  // The bytes are written in the background; wait until they are there.
  await expect
    .poll(() =>
      page.evaluate(
        () =>
          new Promise<number>((resolve) => {
            const open = indexedDB.open("mistral-playground");
            open.onsuccess = () => {
              const count = open.result.transaction("images").objectStore("images").count();
              count.onsuccess = () => resolve(count.result);
            };
          }),
      ),
    )
    .toBe(2);
  // The workspace is written when the page is idle or hidden: hiding it writes it now.
  const json = await page.evaluate(() => {
    window.dispatchEvent(new Event("pagehide"));
    return localStorage.getItem("mistral-playground.workspace") ?? "";
  });
  expect(json).toContain("draft.png");
  expect(json).not.toContain("base64");

  await page.reload();
  await imageLoaded(page, "kept.png");
  await imageLoaded(page, "draft.png");
});

test("a reasoning answer streams its Thinking apart, collapsed once the answer starts", async ({ page }) => {
  // A long answer keeps the "answer started, still streaming" window seconds wide on a loaded machine.
  const thought = 'The user wrote "Hi". I should answer briefly and repeat it back.';
  const words = Array.from({ length: 15 }, (_, i) => `word${i}`).join(" ");
  await fake.script({ thinking: thought, content: `You said: Hi. ${words}` });
  await fake.fault({ kind: "slow", chunkDelayMs: 120 });
  await page.getByRole("combobox", { name: "Model" }).selectOption("magistral-small-latest");
  await composer(page).fill("Hi");
  await page.getByRole("button", { name: "Run" }).click();

  const streaming = page.getByRole("listitem", { name: "Answer streaming" });
  const thinking = streaming.getByRole("button", { name: "Thinking" });
  await expect(thinking).toHaveAttribute("aria-expanded", "true");
  await expect(streaming).toContainText("The user wrote");
  await expect(thinking).toHaveAttribute("aria-expanded", "false");

  const answer = answers(page).first();
  await expect(answer).toContainText("You said: Hi", { timeout: 15_000 });
  const done = answer.getByRole("button", { name: "Thinking" });
  await expect(done).toHaveAttribute("aria-expanded", "false");
  await expect(answer).toContainText("64 characters");
  await done.click();
  await expect(done).toHaveAttribute("aria-expanded", "true");
  await expect(answer).toContainText(thought);

  // Sent again as Mistral expects: the thinking as a thinking chunk in the assistant content.
  await composer(page).fill("Again");
  await page.getByRole("button", { name: "Run" }).click();
  await expect(answers(page)).toHaveCount(2);
  const second = (await fake.chatRequests())[1]!;
  expect(second.body.prompt_mode).toBe("reasoning");
  expect(second.body.messages[1].content[0]).toMatchObject({ type: "thinking", closed: true });
});

test("Stop during thinking keeps the thinking that arrived", async ({ page }) => {
  await fake.script({ thinking: Array.from({ length: 60 }, (_, i) => `step${i}`).join(" "), content: "Never shown." });
  await fake.fault({ kind: "slow", chunkDelayMs: 150 });
  await page.getByRole("combobox", { name: "Model" }).selectOption("mistral-medium-3-5");
  await page.getByRole("combobox", { name: "Reasoning effort" }).selectOption("high");
  await composer(page).fill("Think hard");
  await page.getByRole("button", { name: "Run" }).click();

  const streaming = page.getByRole("listitem", { name: "Answer streaming" });
  await expect(streaming).toContainText("step2");
  await page.getByRole("button", { name: "Stop" }).click();

  const answer = answers(page).first();
  await expect(answer).toHaveAttribute("data-status", "stopped");
  await answer.getByRole("button", { name: "Thinking" }).click();
  await expect(answer).toContainText("step2");
  await expect(answer).not.toContainText("step59");
  await expect(answer).not.toContainText("Never shown.");
  expect((await fake.chatRequests())[0]!.body.reasoning_effort).toBe("high");
});

test("a share shows the image, served with its sniffed type", async ({ page, browser }) => {
  await page.getByRole("combobox", { name: "Model" }).selectOption("mistral-small-latest");
  await composer(page).fill("Look");
  await attachByPicker(page, "shared.png");
  await page.getByRole("button", { name: "Run" }).click();
  await expect(answers(page)).toHaveCount(1);
  await page.getByRole("button", { name: "Share", exact: true }).click();
  const link = page.getByRole("dialog", { name: "Share this conversation" }).getByRole("textbox", { name: "Link" });
  // The first share of a run opens the database and applies its migrations.
  await expect(link).toHaveValue(/\/s\/[A-Za-z0-9_-]{22}$/, { timeout: 20_000 });
  const url = await link.inputValue();

  const reader = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
  await reader.goto(url);
  await imageLoaded(reader, "shared.png");
  const src = await reader.getByRole("img", { name: "shared.png" }).getAttribute("src");
  const image = await reader.request.get(src!);
  expect(image.headers()["content-type"]).toBe("image/png");
  expect(image.headers()["x-content-type-options"]).toBe("nosniff");
  expect(Buffer.from(await image.body()).equals(PNG)).toBe(true);
});
