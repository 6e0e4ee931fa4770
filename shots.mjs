import { chromium } from "@playwright/test";
const base = "http://127.0.0.1:3710";
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu"] });
const errors = [];
for (const [locale, scheme, w, h] of [["zh-CN","light",1400,900],["ko","dark",1400,900],["ko","light",390,844],["zh-CN","dark",390,844]]) {
  const context = await browser.newContext({ viewport: { width: w, height: h }, colorScheme: scheme });
  await context.addCookies([{ name: "NEXT_LOCALE", value: locale, url: base }]);
  const page = await context.newPage();
  page.on("console", (m) => { if (m.type() === "error") errors.push(`${locale} ${m.text()}`); });
  page.on("pageerror", (e) => errors.push(`${locale} pageerror ${e.message}`));
  await page.goto(base + "/");
  await page.locator("main").waitFor({ timeout: 60000 });
  await page.locator("textarea").first().fill(locale === "ko" ? "당신은 한국어로 답하는 번역가입니다." : "你是一位把英文翻译成中文的助手。");
  await page.screenshot({ path: `/tmp/i18n/shots/play-${locale}-${scheme}-${w}.png`, fullPage: false });
  const settings = page.getByRole("button", { name: locale === "ko" ? "설정" : "设置" });
  await settings.click();
  await page.screenshot({ path: `/tmp/i18n/shots/settings-${locale}-${scheme}-${w}.png` });
  await page.keyboard.press("Escape");
  await page.goto(base + "/translate");
  await page.locator("main").waitFor({ timeout: 60000 });
  await page.screenshot({ path: `/tmp/i18n/shots/translate-${locale}-${scheme}-${w}.png`, fullPage: true });
  await context.close();
}
console.log(errors.join("\n"));
await browser.close();
