import { test as base } from "@playwright/test";
import { fake } from "./fake.ts";

/**
 * The playground's specs start every test the same way: the fake Mistral server forgets its
 * script, faults and recorded requests, and the page opens on an empty workspace.
 */
export const test = base.extend<{ freshPlayground: void }>({
  freshPlayground: [
    async ({ page }, use) => {
      await fake.reset();
      await page.goto("/");
      await page.evaluate(() => localStorage.clear());
      await page.reload();
      await use();
    },
    { auto: true },
  ],
});

export { expect } from "@playwright/test";
