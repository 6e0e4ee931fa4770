import type { Locator, Page } from "@playwright/test";
import { expect, test } from "./fixtures.ts";
import { fake, plainMessages } from "./fake.ts";

function composer(page: Page) {
  return page.getByRole("textbox", { name: "User message" });
}

function streaming(page: Page) {
  return page.getByRole("listitem", { name: "Answer streaming" });
}

function answers(page: Page) {
  return page.locator('li[data-role="assistant"]');
}

/** The playground's error box (Next's route announcer also has role="alert"). */
function alertBox(page: Page) {
  return page.locator('[role="alert"][data-code]');
}

/** A system message of many lines: the conversation is taller than any window. */
async function makeTallConversation(page: Page) {
  const lines = Array.from({ length: 80 }, (_, i) => `Rule ${i + 1}: answer briefly.`).join("\n");
  await page.getByRole("textbox", { name: "System message" }).fill(lines);
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  expect(height).toBeGreaterThan(2 * (page.viewportSize()?.height ?? 0));
  await page.evaluate(() => window.scrollTo({ top: 0, behavior: "instant" }));
}

/**
 * Where an element sits against the window and the pinned composer, measured in one frame: in
 * view means on screen and wholly above the composer (its bottom at most the composer's top).
 */
function placement(element: Locator) {
  return element.evaluate((node) => {
    const box = node.getBoundingClientRect();
    const pinned = document.getElementById("composer")?.closest("section")?.getBoundingClientRect();
    if (!pinned) return "no composer";
    if (box.bottom <= 0) return "above the window";
    if (box.bottom > pinned.top + 1) return "below the composer's top";
    return "in view";
  });
}

/** The answer, streaming or done: its end is what must stay in view. */
function latestAnswer(page: Page) {
  return page.locator('li[aria-busy="true"], li[data-role="assistant"]').last();
}

/** Forty lines of answer, so that it grows past the window while it streams. */
const LONG_ANSWER = Array.from({ length: 40 }, (_, i) => `Line ${i + 1} of the answer.\n\n`);

test.describe("following the answer", () => {
  test("Run brings the streaming answer into view above the composer and follows it to the end", async ({ page }) => {
    test.slow(); // a long answer, streamed slowly
    await makeTallConversation(page);
    await fake.script({ chunks: LONG_ANSWER });
    await fake.fault({ kind: "slow", chunkDelayMs: 200 });
    await composer(page).fill("Tell me forty lines.");
    await page.getByRole("button", { name: "Run" }).click();

    await expect(streaming(page)).toContainText("Line 2 of the answer.");
    await expect.poll(() => placement(streaming(page))).toBe("in view");
    // Still followed once the answer is longer than the room above the composer.
    await expect(streaming(page)).toContainText("Line 20 of the answer.");
    await expect.poll(() => placement(latestAnswer(page))).toBe("in view");

    await expect(answers(page)).toHaveCount(1);
    await expect.poll(() => placement(answers(page).getByText("Line 40 of the answer."))).toBe("in view");
    await expect(page.getByRole("button", { name: "Jump to latest" })).toHaveCount(0);
  });

  test("scrolling up stops following and offers Jump to latest, which follows again", async ({ page }) => {
    test.slow(); // a long answer, streamed slowly
    await makeTallConversation(page);
    await fake.script({ chunks: LONG_ANSWER });
    await fake.fault({ kind: "slow", chunkDelayMs: 200 });
    await composer(page).fill("Tell me forty lines.");
    await page.getByRole("button", { name: "Run" }).click();
    await expect(streaming(page)).toContainText("Line 3 of the answer.");

    await page.evaluate(() => window.scrollTo({ top: 0, behavior: "instant" }));
    const jump = page.getByRole("button", { name: "Jump to latest" });
    await expect(jump).toBeVisible();
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBe(0);

    // More text arrives; the page stays where the reader put it.
    await expect(streaming(page)).toContainText("Line 8 of the answer.");
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
    expect(await placement(streaming(page))).toBe("below the composer's top");

    await jump.click();
    await expect(jump).toHaveCount(0);
    await expect(streaming(page)).toContainText("Line 20 of the answer.");
    await expect.poll(() => placement(latestAnswer(page))).toBe("in view");
    await expect(answers(page)).toHaveCount(1);
  });

  test("an error of a run comes into view above the composer", async ({ page }) => {
    await makeTallConversation(page);
    await fake.fault({ kind: "unauthorized" });
    await composer(page).fill("Hello");
    await page.getByRole("button", { name: "Run" }).click();
    await expect(alertBox(page)).toHaveAttribute("data-code", "invalid_api_key");
    await expect.poll(() => placement(alertBox(page))).toBe("in view");
  });

  test("a run refused before sending shows why in view", async ({ page }) => {
    await makeTallConversation(page);
    await composer(page).fill("Hello {name}");
    await page.getByRole("button", { name: "Run" }).click();
    await expect(alertBox(page)).toHaveAttribute("data-code", "invalid_request");
    await expect.poll(() => placement(alertBox(page))).toBe("in view");
  });
});

test.describe("Ctrl/⌘+Enter", () => {
  test("runs from the composer and message editors, never from a dialog", async ({ page }) => {
    await fake.script({ content: "Only once." });
    await composer(page).fill("Run me once");

    await page.getByRole("button", { name: "Save prompt" }).click();
    const dialog = page.getByRole("dialog", { name: "Save prompt" });
    await dialog.getByLabel("Name").fill("Kept");
    await page.keyboard.press("Control+Enter");
    await dialog.getByLabel("Note (optional)").fill("first");
    await page.keyboard.press("Meta+Enter");
    await page.keyboard.press("Control+Enter");
    // A run would have taken the composer's text into the conversation.
    await expect(dialog).toBeVisible();
    await page.keyboard.press("Escape");
    await expect(dialog).toBeHidden();
    await expect(composer(page)).toHaveValue("Run me once");
    await expect(page.locator("li[data-role]")).toHaveCount(0);

    // A parameter's field is not a text box: it does nothing there either.
    await page.getByRole("spinbutton", { name: "Temperature" }).fill("0.5");
    await page.keyboard.press("Control+Enter");
    await expect(composer(page)).toHaveValue("Run me once");

    await composer(page).press("Control+Enter");
    await expect(answers(page)).toContainText("Only once.");
    const requests = await fake.chatRequests();
    expect(requests).toHaveLength(1);
    expect(plainMessages(requests[0]).at(-1)).toEqual({ role: "user", content: "Run me once" });

    // From a message's own editor it runs too: the conversation ends with the answer, so the run
    // continues it in place.
    await fake.script({ content: " Again." });
    await page.getByRole("textbox", { name: "Message 1 (User) text" }).press("Control+Enter");
    await expect(answers(page)).toContainText("Only once. Again.");
    await expect(answers(page)).toHaveCount(1);
    const again = await fake.chatRequests();
    expect(again).toHaveLength(2);
    expect(plainMessages(again[1]).at(-1)).toEqual({ role: "assistant", content: "Only once.", prefix: true });
  });

  test("runs from a variable's value, as from the composer", async ({ page }) => {
    await fake.script({ content: "Hello, Ada." });
    await composer(page).fill("Greet {name}");
    const value = page.getByRole("textbox", { name: "name", exact: true });
    await value.fill("Ada");
    await value.press("Control+Enter");
    await expect(answers(page)).toContainText("Hello, Ada.");
    const requests = await fake.chatRequests();
    expect(requests).toHaveLength(1);
    expect(plainMessages(requests[0]).at(-1)).toEqual({ role: "user", content: "Greet Ada" });
  });

  test("does not run while an input method is composing", async ({ page }) => {
    await fake.script({ content: "After the composition." });
    await composer(page).fill("日本語");
    // The Enter that confirms a composition (Chrome: isComposing; Safari: keyCode 229).
    await composer(page).dispatchEvent("keydown", { key: "Enter", ctrlKey: true, isComposing: true, bubbles: true });
    await composer(page).dispatchEvent("keydown", { key: "Enter", ctrlKey: true, keyCode: 229, bubbles: true });
    await expect(composer(page)).toHaveValue("日本語");
    await expect(page.locator("li[data-role]")).toHaveCount(0);

    await composer(page).press("Control+Enter");
    await expect(answers(page)).toContainText("After the composition.");
    expect(await fake.chatRequests()).toHaveLength(1);
  });
});

const TABLE_ANSWER = [
  "| Term | Meaning |",
  "| --- | --- |",
  `| ${"supercalifragilistic".repeat(12)} | ${"A cell that goes on and on, ".repeat(20)}|`,
  "| short | cell |",
  "",
  "```python",
  `print("${"a very long line of code ".repeat(12)}")`,
  "```",
].join("\n");

test.describe("on a phone", () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

  test("a wide table scrolls inside its message; the header is one row; no keyboard hint", async ({ page }) => {
    await fake.script({ content: TABLE_ANSWER });
    await composer(page).fill("A table, please.");
    await page.getByRole("button", { name: "Run" }).click();
    await expect(answers(page).locator("table")).toContainText("short");

    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    const table = answers(page).getByRole("region", { name: "Table" });
    const overflow = await table.evaluate((element) => element.scrollWidth - element.clientWidth);
    expect(overflow).toBeGreaterThan(0);

    const header = page.locator("header").filter({ has: page.getByRole("heading", { level: 1 }) });
    const tops = await header
      .getByRole("button")
      .evaluateAll((buttons) => buttons.map((button) => Math.round(button.getBoundingClientRect().top)));
    expect(tops.length).toBeGreaterThan(3);
    expect(new Set(tops).size).toBe(1);

    await expect(page.getByText("Ctrl/⌘+Enter to run")).toBeHidden();
  });
});

test("on a desktop the keyboard hint shows", async ({ page }) => {
  await expect(page.getByText("Ctrl/⌘+Enter to run")).toBeVisible();
});

test("the header with Share, Save and View code stays in view in a long conversation", async ({ page }) => {
  await makeTallConversation(page);
  await page.evaluate(() => window.scrollTo({ top: document.documentElement.scrollHeight, behavior: "instant" }));
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(500);
  for (const name of ["Share", "Save prompt", "View code"]) {
    await expect(page.getByRole("button", { name, exact: true })).toBeInViewport();
  }
});

test("code blocks and tables are scroll areas the keyboard reaches and scrolls", async ({ page }) => {
  await fake.script({ content: TABLE_ANSWER });
  await composer(page).fill("A table, please.");
  await page.getByRole("button", { name: "Run" }).click();
  await expect(answers(page).locator("table")).toContainText("short");

  await page.getByRole("button", { name: "Delete message 2" }).focus();
  await page.keyboard.press("Tab");
  const table = page.getByRole("region", { name: "Table" });
  await expect(table).toBeFocused();
  await page.keyboard.press("ArrowRight");
  await expect.poll(() => table.evaluate((element) => element.scrollLeft)).toBeGreaterThan(0);

  await page.keyboard.press("Tab");
  const code = page.getByRole("region", { name: "Code block" });
  await expect(code).toBeFocused();
  await page.keyboard.press("End");
  await page.keyboard.press("ArrowRight");
  await expect.poll(() => code.evaluate((element) => element.scrollLeft)).toBeGreaterThan(0);
  // The focus ring shows which area the keys scroll.
  expect(await code.evaluate((element) => getComputedStyle(element).outlineStyle)).toBe("solid");
});

test("after a tool call the new tool result field has the focus", async ({ page }) => {
  await fake.script({ toolCalls: [{ id: "gSIMJiOkT", name: "get_weather", arguments: '{"city": "Paris"}' }] });
  const tools = page.getByRole("region", { name: "Tools" });
  await tools.getByRole("button", { name: "Add tool" }).click();
  const tool = tools.getByRole("group", { name: "Tool 1" });
  await tool.getByLabel("Name").fill("get_weather");
  await tool
    .getByLabel("Parameters (JSON Schema)")
    .fill('{"type": "object", "properties": {"city": {"type": "string"}}, "required": ["city"]}');
  await expect(tool.getByText("Valid JSON Schema.")).toBeVisible();
  await composer(page).fill("What's the weather in Paris?");
  await page.getByRole("button", { name: "Run" }).click();

  const result = page.getByRole("textbox", { name: "Message 3 (Tool) text" });
  await expect(result).toBeFocused();
  await page.keyboard.type('{"temperature_c": 24}');
  await expect(result).toHaveValue('{"temperature_c": 24}');
});

test("stop sequences say one per line", async ({ page }) => {
  await expect(page.getByText("One per line.")).toBeVisible();
});

test("every page has an icon and logs no missing file", async ({ page, request }) => {
  const missing: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") missing.push(message.text());
  });
  page.on("response", (response) => {
    if (response.status() === 404) missing.push(response.url());
  });
  for (const path of ["/", "/compare", "/translate"]) {
    await page.goto(path);
    await expect(page.locator('link[rel="icon"]')).toHaveAttribute("href", /^\/icon\.svg/);
  }
  const href = await page.locator('link[rel="icon"]').getAttribute("href");
  const icon = await request.get(href ?? "");
  expect(icon.status()).toBe(200);
  expect(icon.headers()["content-type"]).toContain("image/svg+xml");
  expect(missing).toEqual([]);
});

/** The texts inside `container` that run past its right edge: text that did not wrap. */
function overflowingRight(container: Locator): Promise<string[]> {
  return container.evaluate((root) => {
    const edge = root.getBoundingClientRect().right + 1;
    const past: string[] = [];
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const range = document.createRange();
      range.selectNodeContents(node);
      const box = range.getBoundingClientRect();
      if (box.width > 0 && box.right > edge) past.push((node.textContent ?? "").slice(0, 40));
    }
    return past;
  });
}

test.describe("text that would not fit", () => {
  for (const width of [390, 1280]) {
    test(`wraps inside the header's dialogs and menus at ${width} px`, async ({ page }) => {
      await page.setViewportSize({ width, height: 800 });
      await page.getByRole("button", { name: "Settings" }).click();
      const settings = page.getByRole("dialog", { name: "Settings" });
      await expect(settings).toBeVisible();
      expect(await overflowingRight(settings)).toEqual([]);
      await page.keyboard.press("Escape");

      await page.getByRole("button", { name: "Presets" }).click();
      const presets = page.getByRole("list", { name: "Built-in prompt presets" });
      await expect(presets).toBeVisible();
      expect(await overflowingRight(presets)).toEqual([]);
    });
  }

  test("a long link or word in an answer wraps inside its message, and on the share page", async ({ page }) => {
    const url = `https://example.com/${"segment/".repeat(25)}end`;
    const word = "Donaudampfschifffahrtsgesellschaft".repeat(5);
    await fake.script({ content: `See ${url} and ${word}.` });
    await page.setViewportSize({ width: 390, height: 844 });
    await composer(page).fill("Long words, please");
    await composer(page).press("Control+Enter");
    await expect(answers(page)).toContainText("Donaudampf");
    expect(await overflowingRight(answers(page))).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);

    await page.getByRole("button", { name: "Share", exact: true }).click();
    const link = page.getByRole("dialog", { name: "Share this conversation" }).getByRole("textbox", { name: "Link" });
    await expect(link).toHaveValue(/\/s\//);
    await page.goto(await link.inputValue());
    await expect(page.getByText("Donaudampf", { exact: false })).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
  });
});

test("Edit puts the cursor in the answer's text, so typing goes on where the reader was", async ({ page }) => {
  await fake.script({ content: "First draft." });
  await composer(page).fill("Write something");
  await composer(page).press("Control+Enter");
  await expect(answers(page)).toContainText("First draft.");
  await answers(page).getByRole("button", { name: "Edit" }).click();
  const text = page.getByRole("textbox", { name: "Message 2 (Assistant) text" });
  await expect(text).toBeFocused();
  await page.keyboard.press("End");
  await page.keyboard.type(" Revised.");
  await expect(text).toHaveValue("First draft. Revised.");
});

test("what Tab focuses in a long conversation is never under the pinned header or composer", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  for (const n of [1, 2, 3]) {
    await fake.script({ content: `Answer ${n}.\n\n${"A line of the answer.\n\n".repeat(6)}` });
    await composer(page).fill(`Question ${n}`);
    await composer(page).press("Control+Enter");
    await expect(answers(page)).toHaveCount(n);
  }
  await page.evaluate(() => window.scrollTo({ top: 0, behavior: "instant" }));
  await page.getByRole("textbox", { name: "System message" }).focus();
  const hidden: string[] = [];
  for (let press = 0; press < 40; press++) {
    await page.keyboard.press("Tab");
    const where = await page.evaluate(() => {
      const element = document.activeElement;
      if (!element || element === document.body) return null;
      // The header's and the composer's own controls are pinned where they are.
      if (element.closest("header") || element.closest('[class*="sticky"]')) return null;
      if (!element.closest("ol")) return null;
      const box = element.getBoundingClientRect();
      const top = document.querySelector("header")?.getBoundingClientRect().bottom ?? 0;
      const bottom = document.getElementById("composer")?.closest("section")?.getBoundingClientRect().top ?? 0;
      const label = element.getAttribute("aria-label") ?? element.textContent ?? element.tagName;
      return box.top >= top - 1 && box.bottom <= bottom + 1 ? null : label.slice(0, 40);
    });
    if (where) hidden.push(where);
  }
  expect(hidden).toEqual([]);
});
