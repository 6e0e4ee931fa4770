import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { expect, test, type Page } from "@playwright/test";
import type { AxeResults } from "axe-core";
import { fake } from "./fake.ts";
import { chooseLocale, createNeutralShare, uiLocales } from "./locale.ts";

/**
 * axe-core on every page and dialog, in each language, light and dark: no serious or critical
 * violation. One page load per page and combination; the dialogs are opened on the loaded
 * playground, each checked on its own.
 */

const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

type Violation = { id: string; impact: string | null | undefined; help: string; targets: string[] };

async function seriousViolations(page: Page, scope?: string): Promise<Violation[]> {
  // Evaluated through the DevTools protocol, so the page's Content-Security-Policy does not apply.
  if (!(await page.evaluate(() => "axe" in window))) await page.evaluate(axeSource);
  return page.evaluate(async (selector) => {
    const axe = (window as unknown as { axe: { run: (context: unknown, options: unknown) => Promise<AxeResults> } })
      .axe;
    const context = selector ? { include: [selector] } : document;
    const result = await axe.run(context, { resultTypes: ["violations"] });
    return result.violations
      .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
      .map((violation) => ({
        id: violation.id,
        impact: violation.impact,
        help: violation.help,
        targets: violation.nodes.slice(0, 5).map((node) => node.target.join(" ")),
      }));
  }, scope);
}

let shareId = "";
test.beforeAll(async ({ request }) => {
  shareId = await createNeutralShare(request);
});

for (const { locale, lang, settings, messages } of uiLocales) {
  for (const colorScheme of ["light", "dark"] as const) {
    test.describe(`${locale}, ${colorScheme}`, () => {
      test.use({ colorScheme });

      test.beforeEach(async ({ context }) => {
        await chooseLocale(context, locale);
      });

      test("the playground and its dialogs", async ({ page }) => {
        await fake.reset();
        await page.goto("/");
        await expect(page.locator("html")).toHaveAttribute("lang", lang);
        await page.getByRole("textbox", { name: messages.conversation.composerLabel }).fill("42");
        expect(await seriousViolations(page)).toEqual([]);

        const dialogs = [
          { button: settings, title: messages.settings.title },
          { button: messages.prompts.savePrompt, title: messages.prompts.saveTitle },
          { button: messages.code.open, title: messages.code.title },
          { button: messages.share.button, title: messages.share.dialogTitle },
        ];
        for (const { button, title } of dialogs) {
          await page.getByRole("button", { name: button, exact: true }).click();
          const dialog = page.getByRole("dialog", { name: title });
          await expect(dialog).toBeVisible();
          expect({ title, violations: await seriousViolations(page, "dialog[open]") }).toEqual({
            title,
            violations: [],
          });
          await page.keyboard.press("Escape");
          await expect(dialog).toBeHidden();
        }
      });

      for (const path of ["/translate", "/compare", "share"] as const) {
        test(`${path === "share" ? "a share page" : path}`, async ({ page }) => {
          await page.goto(path === "share" ? `/s/${shareId}` : path);
          await expect(page.locator("html")).toHaveAttribute("lang", lang);
          await expect(page.getByRole("main")).toBeVisible();
          expect(await seriousViolations(page)).toEqual([]);
        });
      }
    });
  }
}
