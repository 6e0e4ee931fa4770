import type { Locator, Page } from "@playwright/test";
import { expect, test } from "./fixtures.ts";
import { fake, plainMessages } from "./fake.ts";

function variant(page: Page, n: number) {
  return page.getByRole("region", { name: `Variant ${n}`, exact: true });
}

/**
 * The parts of a usage line (between its " · ") that the line wraps inside of, such as "≈" left
 * apart from its amount, when it is given every width from 120 px to 600 px, 2 px at a time.
 */
function partsSplitAcrossLines(line: Locator): Promise<string[]> {
  return line.evaluate((element) => {
    const chars: { node: Text; offset: number }[] = [];
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (let offset = 0; offset < (node.textContent ?? "").length; offset += 1)
        chars.push({ node: node as Text, offset });
    }
    const top = (index: number) => {
      const range = document.createRange();
      range.setStart(chars[index]!.node, chars[index]!.offset);
      range.setEnd(chars[index]!.node, chars[index]!.offset + 1);
      return range.getBoundingClientRect().top;
    };
    const parts = (element.textContent ?? "").split(" · ");
    const split: string[] = [];
    for (let width = 120; width <= 600; width += 2) {
      (element as HTMLElement).style.width = `${width}px`;
      let start = 0;
      for (const part of parts) {
        if (part !== "" && top(start) !== top(start + part.length - 1)) split.push(`${part} (at ${width} px)`);
        start += part.length + " · ".length;
      }
    }
    (element as HTMLElement).style.width = "";
    return split;
  });
}

/** Two variants, the second on another model, answering one user message. */
async function twoVariants(page: Page, userMessage: string) {
  await page.goto("/compare");
  await expect(variant(page, 1)).toBeVisible();
  await page.getByRole("textbox", { name: "User message" }).fill(userMessage);
  await variant(page, 1).getByRole("combobox", { name: "Model" }).selectOption("mistral-large-latest");
  await page.getByRole("button", { name: "Add variant" }).click();
  await variant(page, 2).getByRole("combobox", { name: "Model" }).selectOption("mistral-small-latest");
  await variant(page, 2).getByRole("spinbutton", { name: "Temperature" }).fill("0.7");
}

/** Three cases: the third expects the small model's name, which only Variant 2 says. */
async function threeCases(page: Page) {
  const cases = page.getByRole("region", { name: "Test cases" });
  const rows = [
    ["hello", "hello"],
    ["bye", "bye"],
    ["ciao", "mistral-small-latest"],
  ] as const;
  for (const [index, [word, expected]] of rows.entries()) {
    const n = index + 1;
    await cases.getByRole("button", { name: "Add case" }).click();
    await cases.getByRole("textbox", { name: `word (case ${n})`, exact: true }).fill(word);
    await cases.getByRole("textbox", { name: `Expected (case ${n})`, exact: true }).fill(expected);
  }
}

/** The three cases run on both variants; resolves with the results table once both pass rates are in. */
async function runThreeCases(page: Page) {
  await threeCases(page);
  await page.getByRole("button", { name: "Run cases" }).click();
  const results = page.getByRole("table", { name: "Results" });
  await expect(results.getByTestId("pass-rate")).toHaveText(["2/3 · 67%", "3/3 · 100%"], { timeout: 15_000 });
  return results;
}

test("Compare opens from the playground with its prompt, and two models answer at once", async ({ page }) => {
  await page.getByRole("textbox", { name: "System message" }).fill("Be brief.");
  await page.getByRole("textbox", { name: "User message" }).fill("Which model are you?");
  await page.getByRole("link", { name: "Compare", exact: true }).click();
  await expect(page).toHaveURL(/\/compare$/);
  await expect(variant(page, 1).getByRole("textbox", { name: "System message" })).toHaveValue("Be brief.");
  await expect(page.getByRole("textbox", { name: "User message" })).toHaveValue("Which model are you?");

  await variant(page, 1).getByRole("combobox", { name: "Model" }).selectOption("mistral-large-latest");
  await page.getByRole("button", { name: "Add variant" }).click();
  await expect(variant(page, 2).getByRole("textbox", { name: "System message" })).toHaveValue("Be brief.");
  await variant(page, 2).getByRole("combobox", { name: "Model" }).selectOption("mistral-small-latest");

  // Each piece takes 400 ms: one answer after the other could not have both streaming at once.
  await fake.fault({ kind: "slow", chunkDelayMs: 400 });
  await page.getByRole("button", { name: "Run", exact: true }).click();
  await expect(page.getByRole("button", { name: "Stop", exact: true })).toBeVisible();
  await expect(variant(page, 1).getByTestId("variant-answer")).toContainText("I am");
  await expect(variant(page, 2).getByTestId("variant-answer")).toContainText("I am");

  await expect(variant(page, 1).getByTestId("variant-answer")).toHaveText(
    "I am mistral-large-latest. You said: Which model are you?",
    { timeout: 15_000 },
  );
  await expect(variant(page, 2).getByTestId("variant-answer")).toHaveText(
    "I am mistral-small-latest. You said: Which model are you?",
    { timeout: 15_000 },
  );
  for (const n of [1, 2]) {
    await expect(variant(page, n).getByTestId("variant-usage")).toContainText(
      /\d+ in \/ \d+ out · stop · first token [\d.]+ m?s · [\d.]+ m?s · ≈ \$[\d.e-]+\s*[\d.]+ tokens\/s/,
    );
  }
  // The user message stays: it is part of what is compared.
  await expect(page.getByRole("textbox", { name: "User message" })).toHaveValue("Which model are you?");

  const requests = await fake.chatRequests();
  expect(requests.map((r) => r.body.model).sort()).toEqual(["mistral-large-latest", "mistral-small-latest"]);
  expect(Math.abs(requests[0]!.receivedAt - requests[1]!.receivedAt)).toBeLessThan(1000);
  for (const request of requests) {
    expect(request.status).toBe(200);
    expect(plainMessages(request)).toEqual([
      { role: "system", content: "Be brief." },
      { role: "user", content: "Which model are you?" },
    ]);
  }
});

test("an error stays in its variant while the others answer", async ({ page }) => {
  await twoVariants(page, "Hello");
  await variant(page, 2).getByRole("textbox", { name: "System message" }).fill("Answer {politely");
  await page.getByRole("button", { name: "Run", exact: true }).click();
  await expect(variant(page, 1).getByTestId("variant-answer")).toHaveText("You said: Hello");
  await expect(variant(page, 2).getByRole("alert")).toContainText("System message");
  await expect(variant(page, 1).getByRole("alert")).toHaveCount(0);
  expect(await fake.chatRequests()).toHaveLength(1);
  await variant(page, 2).getByRole("textbox", { name: "System message" }).fill("Answer politely");
  await page.getByRole("button", { name: "Retry Variant 2" }).click();
  await expect(variant(page, 2).getByTestId("variant-answer")).toHaveText("You said: Hello");
  await expect(variant(page, 2).getByRole("alert")).toHaveCount(0);
});

test("a usage line wraps between its parts, never inside one, at any width", async ({ page }) => {
  await twoVariants(page, "Which model are you?");
  await page.getByRole("button", { name: "Run", exact: true }).click();
  for (const n of [1, 2]) {
    await expect(variant(page, n).getByTestId("variant-usage").locator("[data-usage-of]")).toBeVisible({
      timeout: 15_000,
    });
  }
  for (const n of [1, 2]) {
    expect(await partsSplitAcrossLines(variant(page, n).locator("[data-usage-of]"))).toEqual([]);
  }
});

test("a variant card keeps Use default on one line, inside its button, at every width", async ({ page }) => {
  await twoVariants(page, "Hi");
  const useDefault = variant(page, 2).getByRole("button", { name: "Use default" });
  for (const width of [390, 768, 1024, 1280, 1400]) {
    await page.setViewportSize({ width, height: 900 });
    await expect(useDefault).toBeVisible();
    const fits = await useDefault.evaluate((button) => button.scrollHeight <= button.clientHeight);
    expect(fits, `at ${width} px`).toBe(true);
  }
});

test("3 cases × 2 variants: checks, pass rate per variant, and everything survives a reload", async ({ page }) => {
  await twoVariants(page, "Which model says {word}?");
  const results = await runThreeCases(page);
  await expect(page.getByRole("progressbar", { name: "Progress" })).toHaveCount(0);
  await expect(results.getByRole("row")).toHaveCount(1 + 3 + 4);
  await expect(results.locator('[data-outcome="fail"]')).toHaveCount(1);
  await expect(results).toContainText("Does not contain “mistral-small-latest”.");
  const requests = await fake.chatRequests();
  expect(requests).toHaveLength(6);
  expect(requests.map((r) => plainMessages(r).at(-1)?.content).sort()).toEqual(
    ["bye", "bye", "ciao", "ciao", "hello", "hello"].map((w) => `Which model says ${w}?`),
  );

  await page.reload();
  await expect(page.getByRole("table", { name: "Results" }).getByTestId("pass-rate")).toHaveText([
    "2/3 · 67%",
    "3/3 · 100%",
  ]);
  await expect(page.getByRole("textbox", { name: "word (case 3)" })).toHaveValue("ciao");
  await expect(variant(page, 2).getByRole("combobox", { name: "Model" })).toHaveValue("mistral-small-latest");
});

test("the results fit a phone with two variants, and the case column stays narrow on a desktop", async ({ page }) => {
  await twoVariants(page, "Which model says {word}?");
  const results = await runThreeCases(page);
  const scroller = results.locator("xpath=..");
  const caseHeader = results.getByRole("columnheader", { name: "Case" });

  await page.setViewportSize({ width: 390, height: 844 });
  await expect
    .poll(() => scroller.evaluate((element) => element.scrollWidth - element.clientWidth))
    .toBeLessThanOrEqual(0);
  // Every usage line breaks between its parts, never inside one.
  const usageLines = await results.locator("td p.tabular-nums").all();
  expect(usageLines).toHaveLength(6);
  for (const line of usageLines) expect(await partsSplitAcrossLines(line)).toEqual([]);

  await page.setViewportSize({ width: 1280, height: 900 });
  await expect.poll(async () => (await caseHeader.boundingBox())?.width).toBeLessThanOrEqual(120);
  const [first, second] = await Promise.all(
    ["Variant 1", "Variant 2"].map(
      async (name) => (await results.getByRole("columnheader", { name }).boundingBox())?.width,
    ),
  );
  expect(first).toBe(second);
});

test("a case missing a value is skipped with the reason; a bad regular expression is an error on its field", async ({
  page,
}) => {
  await twoVariants(page, "Say {word}");
  const cases = page.getByRole("region", { name: "Test cases" });
  await cases.getByRole("button", { name: "Add case" }).click();
  await cases.getByRole("button", { name: "Add case" }).click();
  await cases.getByRole("textbox", { name: "word (case 1)" }).fill("hi");
  await cases.getByRole("combobox", { name: "Check (case 1)" }).selectOption("regex");
  await cases.getByRole("textbox", { name: "Expected (case 1)" }).fill("(hi");
  await expect(cases.getByRole("textbox", { name: "Expected (case 1)" })).toHaveAttribute("aria-invalid", "true");
  await expect(cases).toContainText("The regular expression does not compile");
  await expect(cases).toContainText("Missing {word}: this case is skipped.");

  await page.getByRole("button", { name: "Run cases" }).click();
  const results = page.getByRole("table", { name: "Results" });
  await expect(results.locator('[data-outcome="skipped"]')).toHaveCount(2);
  await expect(results.locator('[data-outcome="fail"]')).toHaveCount(2, { timeout: 15_000 });
  expect(await fake.chatRequests()).toHaveLength(2);
  // Nothing typed is lost.
  await expect(cases.getByRole("textbox", { name: "Expected (case 1)" })).toHaveValue("(hi");

  // A skipped case has no answer: once its value is filled in, Run only missing runs it, and only it.
  await cases.getByRole("textbox", { name: "word (case 2)" }).fill("bye");
  await page.getByRole("button", { name: "Run only missing" }).click();
  // Answered: each of case 2's cells shows its usage line.
  await expect(results.getByRole("row").nth(2).locator("td p.tabular-nums")).toHaveCount(2, { timeout: 15_000 });
  await expect(results.locator('[data-outcome="skipped"]')).toHaveCount(0);
  await expect(results.locator('[data-outcome="fail"]')).toHaveCount(2);
  expect(await fake.chatRequests()).toHaveLength(4);
});

test("Stop during a case run stops what is in flight and sends nothing more; Run only missing finishes", async ({
  page,
}) => {
  await twoVariants(page, "Say {word}");
  const cases = page.getByRole("region", { name: "Test cases" });
  for (let n = 1; n <= 5; n++) {
    await cases.getByRole("button", { name: "Add case" }).click();
    await cases.getByRole("textbox", { name: `word (case ${n})`, exact: true }).fill(`w${n}`);
  }
  await page.getByRole("spinbutton", { name: "Requests at once" }).fill("2");
  await fake.fault({ kind: "slow", chunkDelayMs: 1_000 });
  await page.getByRole("button", { name: "Run cases" }).click();

  const progress = page.getByRole("progressbar", { name: "Progress" });
  await expect(progress).toHaveAttribute("aria-valuemax", "10");
  await expect(progress).toHaveAttribute("aria-valuenow", "0");
  await expect.poll(async () => (await fake.chatRequests()).length).toBe(2);
  await page.getByRole("button", { name: "Stop", exact: true }).click();
  await expect(progress).toHaveCount(0);
  await expect.poll(async () => (await fake.chatRequests()).filter((r) => r.aborted).length).toBe(2);
  expect(await fake.chatRequests()).toHaveLength(2);
  const results = page.getByRole("table", { name: "Results" });
  await expect(results.locator('[data-outcome="stopped"]')).toHaveCount(2);

  await fake.fault(null);
  await page.getByRole("button", { name: "Run only missing" }).click();
  await expect(results.locator('[data-outcome="done"]')).toHaveCount(10, { timeout: 15_000 });
  expect(await fake.chatRequests()).toHaveLength(12);
});

test("a comparison is shared as a link that shows the variants side by side without JavaScript", async ({
  page,
  browser,
}) => {
  // Two runs, then the first share of a fresh database, which creates its table.
  test.setTimeout(60_000);
  await twoVariants(page, "Which model says {word}?");
  await page.getByRole("textbox", { name: "word", exact: true }).fill("hi");
  await page.getByRole("button", { name: "Run", exact: true }).click();
  await expect(variant(page, 2).getByTestId("variant-answer")).toHaveText(
    "I am mistral-small-latest. You said: Which model says hi?",
    { timeout: 15_000 },
  );
  await runThreeCases(page);

  await page.getByRole("button", { name: "Share", exact: true }).click();
  const link = page.getByRole("dialog", { name: "Share this comparison" }).getByRole("textbox", { name: "Link" });
  await expect(link).toHaveValue(/\/s\/[A-Za-z0-9_-]{22}$/, { timeout: 20_000 });
  const url = await link.inputValue();

  const reader = await browser.newContext({ javaScriptEnabled: false });
  const shared = await reader.newPage();
  await shared.goto(url);
  await expect(variant(shared, 1).getByTestId("variant-answer")).toContainText(
    "I am mistral-large-latest. You said: Which model says hi?",
  );
  await expect(variant(shared, 2).getByTestId("variant-answer")).toContainText("I am mistral-small-latest.");
  await expect(variant(shared, 2)).toContainText("mistral-small-latest · Temperature 0.7");
  await expect(shared.getByRole("table", { name: "Results" }).getByTestId("pass-rate")).toHaveText([
    "2/3 · 67%",
    "3/3 · 100%",
  ]);
  const [one, two] = [await variant(shared, 1).boundingBox(), await variant(shared, 2).boundingBox()];
  expect(two!.x).toBeGreaterThan(one!.x + one!.width - 1);
  expect(two!.y).toBe(one!.y);
  await reader.close();
});

test("the judge grades every answer: pass and fail with the reason, its cost apart, kept after a reload and in the share", async ({
  page,
  browser,
}) => {
  test.setTimeout(60_000);
  await twoVariants(page, "Which model says {word}?");
  const cases = page.getByRole("region", { name: "Test cases" });
  for (const [index, word] of ["hello", "bye"].entries()) {
    await cases.getByRole("button", { name: "Add case" }).click();
    await cases.getByRole("textbox", { name: `word (case ${index + 1})`, exact: true }).fill(word);
  }
  const judge = page.getByRole("region", { name: "Judge" });
  await judge.getByRole("checkbox", { name: "Grade every answer with a judge" }).check();
  await expect(judge.getByRole("textbox", { name: "Rubric" })).toHaveAttribute("aria-invalid", "true");
  await judge.getByRole("combobox", { name: "Judge model" }).selectOption("mistral-large-latest");
  await judge.getByRole("textbox", { name: "Rubric" }).fill('The answer says "hello".');
  await page.getByRole("button", { name: "Run cases" }).click();

  const results = page.getByRole("table", { name: "Results" });
  await expect(results.getByTestId("judge-pass-rate")).toHaveText(["1/2 · 50%", "1/2 · 50%"], { timeout: 20_000 });
  await expect(results.locator('[data-judge="pass"]')).toHaveCount(2);
  await expect(results.locator('[data-judge="fail"]')).toHaveCount(2);
  await expect(results.locator('[data-judge="fail"]').first()).toContainText(
    'Judge: fail · The answer does not mention "hello".',
  );
  await expect(results.getByTestId("judge-cost")).toHaveText([/^≈ \$[\d.]+$/, /^≈ \$[\d.]+$/]);
  // No expected output, so no check: the variants' own pass rate stays empty.
  await expect(results.getByTestId("pass-rate")).toHaveText(["—", "—"]);

  const requests = await fake.chatRequests();
  expect(requests).toHaveLength(8);
  expect(requests.every((r) => r.status === 200)).toBe(true);
  const judged = requests.filter((r) => r.body.response_format?.json_schema?.name === "judge_verdict");
  expect(judged).toHaveLength(4);
  for (const request of judged) {
    expect(request.body.model).toBe("mistral-large-latest");
    expect(request.body.response_format.json_schema.strict).toBe(true);
  }

  await page.reload();
  await expect(page.getByRole("table", { name: "Results" }).getByTestId("judge-pass-rate")).toHaveText([
    "1/2 · 50%",
    "1/2 · 50%",
  ]);
  await expect(page.getByRole("region", { name: "Judge" }).getByRole("textbox", { name: "Rubric" })).toHaveValue(
    'The answer says "hello".',
  );

  await page.getByRole("button", { name: "Share", exact: true }).click();
  const link = page.getByRole("dialog").getByRole("textbox", { name: "Link" });
  await expect(link).toHaveValue(/\/s\/[A-Za-z0-9_-]{22}$/, { timeout: 20_000 });
  const reader = await browser.newContext({ javaScriptEnabled: false });
  const shared = await reader.newPage();
  await shared.goto(await link.inputValue());
  await expect(shared.getByRole("region", { name: "Judge" })).toContainText('The answer says "hello".');
  const sharedResults = shared.getByRole("table", { name: "Results" });
  await expect(sharedResults.getByTestId("judge-pass-rate")).toHaveText(["1/2 · 50%", "1/2 · 50%"]);
  await expect(sharedResults.locator('[data-judge="fail"]')).toHaveCount(2);
  await reader.close();
});

test("a rate-limited case waits the Retry-After Mistral sent, passed on by the route, then answers", async ({
  page,
}) => {
  test.setTimeout(60_000);
  await page.goto("/compare");
  await page.getByRole("textbox", { name: "User message" }).fill("Say {word}");
  const cases = page.getByRole("region", { name: "Test cases" });
  await cases.getByRole("button", { name: "Add case" }).click();
  await cases.getByRole("textbox", { name: "word (case 1)", exact: true }).fill("hi");
  await page.getByRole("spinbutton", { name: "Requests at once" }).fill("1");
  // The route's two retries use up three 429s; the runner then waits Mistral's 3 s, not its own 2 s.
  await fake.fault({ kind: "rate_limit", times: 3, retryAfterSeconds: 3 });
  await page.getByRole("button", { name: "Run cases" }).click();

  // While it waits, the run says so, and for how long.
  await expect(
    page.getByRole("status").filter({ hasText: /Rate limited: trying again in [1-3] seconds?/ }),
  ).toBeVisible({
    timeout: 15_000,
  });
  const results = page.getByRole("table", { name: "Results" });
  await expect(results.locator('[data-outcome="done"]')).toHaveCount(1, { timeout: 30_000 });
  await expect(results).toContainText("You said: Say hi");
  await expect(page.getByText(/Rate limited/)).toHaveCount(0);
  const requests = await fake.chatRequests();
  expect(requests.map((r) => r.status)).toEqual([429, 429, 429, 200]);
  expect(requests[3]!.receivedAt - requests[2]!.receivedAt).toBeGreaterThanOrEqual(2_900);
});
