/**
 * (d) The Compare page's case run in Chromium: 50 cases × 2 variants with at most 4 requests in
 * flight, against the fake pacing every answer. Wall time is set against the ideal (cases ×
 * variants / concurrency × one answer's time, that time measured as one /api/chat stream of a
 * case's answer on its own), and the longest main-thread task while results stream in (a `longtask` observer).
 * Writes its own section of BENCHMARKS.md.
 */
import { writeFileSync } from "node:fs";
import { availableParallelism, loadavg } from "node:os";
import path from "node:path";
import { writeSection } from "./markdown-section.ts";
import { chromium, type Page } from "@playwright/test";
import { stopChild } from "./children.ts";
import { buildAppIfMissing, resetFake, setFault, startApp, startFake, type AppServer } from "./servers.ts";
import { defaultParameters } from "../../lib/workspace/model.ts";
import { median } from "./stats.ts";
import { benchAgent, streamOnce, type StreamTarget } from "./stream-client.ts";

const CASES = 50;
const VARIANTS = ["mistral-small-latest", "ministral-8b-latest"];
const CONCURRENCY = 4;
const CHUNK_DELAY_MS = 80;
const SINGLE_RUNS = 5;
export const WALL_TIME_TARGET = 1.2;
export const LONG_TASK_TARGET_MS = 50;

export type CompareBench = {
  oneAnswerMs: number;
  idealMs: number;
  wallMs: number;
  ratio: number;
  longestTaskMs: number;
  longTasks: number;
  passed: string[];
  /** The machine's 1-minute load average before and after the case run (other work shares it). */
  load: [number, number];
};

const START = "<!-- bench:compare:start -->";
const END = "<!-- bench:compare:end -->";

function variant(id: string, model: string, n: number) {
  return {
    id,
    name: `Variant ${n}`,
    system: "Repeat the case.",
    messages: [],
    parameters: { ...defaultParameters, model },
  };
}

/** The Compare page's stored state: the variants, `cases` cases expecting their own number. */
function compareState(cases: number, variants: readonly string[]) {
  return {
    version: 2,
    state: {
      variants: variants.map((model, i) => variant(`v${i + 1}`, model, i + 1)),
      userMessage: "Case {n}",
      values: { n: "0" },
      answers: {},
      cases: Array.from({ length: cases }, (_, i) => ({
        id: `c${i + 1}`,
        values: { n: String(i + 1) },
        expected: `Case ${i + 1}`,
        check: "contains",
      })),
      results: {},
      concurrency: CONCURRENCY,
      judge: { enabled: false, model: "mistral-small-latest", rubric: "" },
    },
  };
}

async function openWith(page: Page, app: AppServer, state: unknown): Promise<void> {
  await page.goto(`${app.origin}/compare`);
  await page.evaluate((value) => localStorage.setItem("mistral-playground.compare", value), JSON.stringify(state));
  await page.reload();
  await page.getByRole("button", { name: "Run cases" }).waitFor();
}

/**
 * Presses Run cases and waits for the progress bar to go; the wall time in the page's clock.
 * With the keyboard, and waits that test one CSS selector every 100 ms: Playwright's role
 * queries and actionability checks run in the page's main thread, walking every field of the 50
 * cases, and would be measured as the page's own long tasks.
 */
async function runCases(page: Page): Promise<number> {
  await page.getByRole("button", { name: "Run cases" }).focus();
  const started = await page.evaluate(() => performance.now());
  await page.keyboard.press("Enter");
  const poll = { polling: 100, timeout: 10_000 };
  await page.waitForFunction(() => document.querySelector("progress") !== null, undefined, poll);
  await page.waitForFunction(() => document.querySelector("progress") === null, undefined, {
    ...poll,
    timeout: 300_000,
  });
  return (await page.evaluate(() => performance.now())) - started;
}

export async function measureCompareCases(): Promise<CompareBench> {
  await buildAppIfMissing();
  const fake = await startFake();
  const app = await startApp(fake);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu"],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.addInitScript(() => {
      const tasks: { start: number; duration: number }[] = [];
      (window as unknown as { longTasks: typeof tasks }).longTasks = tasks;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) tasks.push({ start: entry.startTime, duration: entry.duration });
      }).observe({ type: "longtask", buffered: true });
    });
    await resetFake(fake);
    await setFault(fake, { kind: "slow", chunkDelayMs: CHUNK_DELAY_MS });

    const single: number[] = [];
    // The request a case of the run sends, on its own.
    const one: StreamTarget = {
      url: new URL(`${app.origin}/api/chat`),
      headers: {},
      body: JSON.stringify({
        messages: [
          { role: "system", content: "Repeat the case." },
          { role: "user", content: "Case 10" },
        ],
        // As the request builder sends the workspace's parameters: no prediction, no prompt mode.
        parameters: { ...variant("v", VARIANTS[0] ?? "", 1).parameters, prediction: null, promptMode: null },
      }),
      format: "ui-message-stream",
    };
    for (let run = 0; run <= SINGLE_RUNS; run++) {
      const result = await streamOnce(one, 30_000);
      if (result.error) throw new Error(`one answer failed: ${result.error}`);
      if (run > 0) single.push(result.totalMs); // the first run warms the server
    }
    const oneAnswerMs = median(single);

    await openWith(page, app, compareState(CASES, VARIANTS));
    const loadBefore = loadavg()[0] ?? 0;
    const from = await page.evaluate(() => performance.now());
    const profiler = process.env.BENCH_PROFILE_DIR ? await page.context().newCDPSession(page) : undefined;
    await profiler?.send("Profiler.enable");
    await profiler?.send("Profiler.start");
    if (process.env.BENCH_TRACE_DIR)
      await browser.startTracing(page, { categories: ["devtools.timeline", "disabled-by-default-devtools.timeline"] });
    const wallMs = await runCases(page);
    if (process.env.BENCH_TRACE_DIR)
      writeFileSync(path.join(process.env.BENCH_TRACE_DIR, `compare-${Date.now()}.json`), await browser.stopTracing());
    if (profiler && process.env.BENCH_PROFILE_DIR) {
      const { profile } = await profiler.send("Profiler.stop");
      writeFileSync(
        path.join(process.env.BENCH_PROFILE_DIR, `compare-${Date.now()}.cpuprofile`),
        JSON.stringify(profile),
      );
    }
    const tasks = await page.evaluate(
      (since) =>
        (window as unknown as { longTasks: { start: number; duration: number }[] }).longTasks.filter(
          (task) => task.start >= since,
        ),
      from,
    );
    if (process.env.BENCH_VERBOSE)
      console.log(
        `bench: Compare long tasks (ms after Run cases + duration; the run took ${Math.round(wallMs)}):`,
        tasks.map((task) => `${Math.round(task.start - from)}+${Math.round(task.duration)}`).join(" "),
      );
    const passed = await page.getByRole("table", { name: "Results" }).getByTestId("pass-rate").allTextContents();
    const idealMs = ((CASES * VARIANTS.length) / CONCURRENCY) * oneAnswerMs;
    return {
      oneAnswerMs,
      idealMs,
      wallMs,
      ratio: wallMs / idealMs,
      longestTaskMs: Math.max(0, ...tasks.map((task) => task.duration)),
      longTasks: tasks.length,
      passed,
      load: [loadBefore, loadavg()[0] ?? 0],
    };
  } finally {
    await browser.close();
    benchAgent.destroy();
    await stopChild(app.child);
    await stopChild(fake.child);
  }
}

export function compareTable(r: CompareBench): string {
  const ms = (value: number) => `${value.toFixed(0)} ms`;
  return [
    "| Measure | Value | Target |",
    "| --- | ---: | ---: |",
    `| (d) one answer alone, through /api/chat (median of ${SINGLE_RUNS}) | ${ms(r.oneAnswerMs)} | |`,
    `| (d) ${CASES} cases × ${VARIANTS.length} variants, ${CONCURRENCY} at once: wall time | ${ms(r.wallMs)} | |`,
    `| (d) ideal (${CASES} × ${VARIANTS.length} / ${CONCURRENCY} × one answer) | ${ms(r.idealMs)} | |`,
    `| (d) wall time / ideal | ${r.ratio.toFixed(2)}× | ≤ ${WALL_TIME_TARGET}× |`,
    `| (d) longest main-thread task while results stream in (${r.longTasks} over 50 ms) | ${ms(r.longestTaskMs)} | ≤ ${LONG_TASK_TARGET_MS} ms |`,
    `| (d) pass rate per variant | ${r.passed.join(", ")} | |`,
  ].join("\n");
}

export function compareVerdict(r: CompareBench): { pass: boolean; sentence: string } {
  const pass = r.ratio <= WALL_TIME_TARGET && r.longestTaskMs <= LONG_TASK_TARGET_MS;
  return {
    pass,
    sentence: `Target: a case run within ${WALL_TIME_TARGET}× of the ideal and no main-thread task over ${LONG_TASK_TARGET_MS} ms — **${pass ? "PASS" : "FAIL"}** (${r.ratio.toFixed(2)}×, ${r.longestTaskMs.toFixed(0)} ms).`,
  };
}

export function writeCompareSection(r: CompareBench, path = "BENCHMARKS.md"): void {
  writeSection(path, START, END, [
    "## Compare: a case run in the browser",
    "",
    `- Date: ${new Date().toISOString()}; the fake paces each piece by ${CHUNK_DELAY_MS} ms`,
    `- Load average (1 min) on the machine's ${availableParallelism()} cores: ${r.load.map((v) => v.toFixed(1)).join(" before, ")} after the run; the wall time is a ratio to the ideal of the same run, and long tasks grow with the load`,
    "",
    compareTable(r),
    "",
    compareVerdict(r).sentence,
  ]);
}

/** Runs (d), prints and records it; false when it misses a target or loses a result. */
export async function benchCompareCases(): Promise<boolean> {
  console.log("bench: (d) Compare, 50 cases × 2 variants in Chromium");
  const result = await measureCompareCases();
  console.log(`\n${compareTable(result)}\n\n${compareVerdict(result).sentence}`);
  writeCompareSection(result);
  return result.passed.every((rate) => rate === `${CASES}/${CASES} · 100%`);
}
