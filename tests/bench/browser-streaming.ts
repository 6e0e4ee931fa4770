/**
 * (d) An answer streaming into a long conversation, in Chromium: the workspace holds 500
 * messages (Markdown answers, some with code), the fake streams a 121-chunk answer one chunk every
 * 30 ms, and a `longtask` PerformanceObserver records every main-thread task over 50 ms from the
 * click on Run until the answer has joined the conversation and the page is idle again. A
 * MutationObserver counts the renders of the streamed text (one per React commit that touched it).
 *
 * A task's duration is wall-clock time: on a loaded machine the renderer waits for a core inside
 * its tasks. A Chrome trace of the same run gives each task's main-thread CPU time as well, which
 * tells the page's own work from that wait.
 */
import { loadavg } from "node:os";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { chromium, type Browser, type Page } from "@playwright/test";
import { resetFake, scriptAnswers, setFault, type AppServer, type FakeServer } from "./servers.ts";

export type BrowserRun = {
  /** One-minute load average of the machine when the answer ended. */
  loadAverage: number;
  tasksOver50: number;
  /** Tasks of the renderer's main thread with more than 50 ms of CPU time (from the trace). */
  cpuTasksOver50: number;
  longestTaskCpuMs: number;
  longestTaskMs: number;
  /** Sum over the long tasks of the time past 50 ms (Lighthouse's total blocking time). */
  blockingMs: number;
  textRenders: number;
  streamMs: number;
};

export type BrowserStreaming = {
  messages: number;
  tokens: number;
  runs: number;
  perRun: BrowserRun[];
  tasksOver50: number;
  longestTaskMs: number;
};

const MESSAGES = 500;
const RUNS = 3;
const CHUNK_DELAY_MS = 30;
const WORKSPACE_KEY = "mistral-playground.workspace";

/** Answers as a model writes them: paragraphs, a list, and now and then a block of code. */
function storedAnswer(i: number): string {
  const code =
    i % 5 === 0
      ? `\n\n\`\`\`ts\nexport function step${i}(input: number): number {\n  return input * ${i} + 1;\n}\n\`\`\`\n`
      : "";
  return `Answer **${i}**: a few sentences about the question, with \`inline code\` and a [link](https://example.com/${i}).\n\n- first point\n- second point${code}\n\nA closing paragraph.`;
}

function streamedAnswer(): string[] {
  const words = [
    "Here",
    " is",
    " the",
    " answer",
    ":",
    " a",
    " paragraph",
    " that",
    " runs",
    " on",
    " for",
    " a",
    " while",
    ".\n\n",
    "- one",
    "\n- two",
    "\n- three",
    "\n\n```ts",
    "\nconst",
    " total",
    " =",
    " items",
    ".reduce",
    "((a,",
    " b)",
    " =>",
    " a",
    " +",
    " b,",
    " 0);",
    "\n```",
    "\n\n",
  ];
  const chunks: string[] = [];
  while (chunks.length < 121) chunks.push(words[chunks.length % words.length]!);
  return chunks;
}

async function seedConversation(page: Page): Promise<void> {
  // A keystroke makes the store persist itself; its stored shape is then reused with 500 messages.
  await page.locator("#composer").fill("seed");
  await page.waitForFunction((key) => localStorage.getItem(key) !== null, WORKSPACE_KEY);
  const answers = Array.from({ length: MESSAGES / 2 }, (_, i) => storedAnswer(i + 1));
  await page.evaluate(
    ({ key, answers }) => {
      const stored = JSON.parse(localStorage.getItem(key)!) as { state: Record<string, unknown> };
      stored.state.messages = answers.flatMap((answer, i) => [
        { id: `u${i}`, role: "user", content: `Question ${i + 1}: what about this?` },
        { id: `a${i}`, role: "assistant", content: answer, status: "complete" },
      ]);
      stored.state.composer = "Next question, please.";
      localStorage.setItem(key, JSON.stringify(stored));
    },
    { key: WORKSPACE_KEY, answers },
  );
  await page.reload();
  await page
    .locator("li[data-role]")
    .nth(MESSAGES - 1)
    .waitFor({ state: "attached" });
}

type TraceEvent = { name: string; ph: string; pid: number; tid: number; tdur?: number; args?: { name?: string } };

/** CPU time (ms) of each task of the page renderer's main thread in the trace. */
function mainThreadTaskCpu(trace: Buffer): number[] {
  const parsed = JSON.parse(trace.toString("utf8")) as { traceEvents: TraceEvent[] } | TraceEvent[];
  const events = Array.isArray(parsed) ? parsed : parsed.traceEvents;
  const main = events.find((e) => e.name === "thread_name" && e.args?.name === "CrRendererMain");
  if (!main) return [];
  return events
    .filter(
      (e) =>
        e.pid === main.pid &&
        e.tid === main.tid &&
        e.ph === "X" &&
        (e.name === "ThreadControllerImpl::RunTask" || e.name === "RunTask"),
    )
    .map((e) => (e.tdur ?? 0) / 1000);
}

async function oneRun(browser: Browser, page: Page, fake: FakeServer): Promise<BrowserRun> {
  await resetFake(fake);
  await setFault(fake, { kind: "slow", chunkDelayMs: CHUNK_DELAY_MS });
  await scriptAnswers(fake, [{ chunks: streamedAnswer() }]);
  await page.evaluate(() => {
    const w = window as unknown as { benchLongTasks: { start: number; duration: number }[]; benchRenders: number };
    w.benchLongTasks = [];
    w.benchRenders = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries())
        w.benchLongTasks.push({ start: entry.startTime, duration: entry.duration });
    }).observe({ type: "longtask" });
    new MutationObserver((mutations) => {
      const touched = mutations.some((m) => {
        const node = m.target instanceof Element ? m.target : m.target.parentElement;
        return node?.closest('[data-testid="streaming-text"]') != null;
      });
      if (touched) w.benchRenders += 1;
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
  // Run with the keyboard, and waits that test one CSS selector: Playwright's role queries walk
  // the accessibility tree of all 500 messages in the page's main thread, and would be measured.
  const answers = 'li[data-role="assistant"]';
  const before = await page.evaluate((selector) => document.querySelectorAll(selector).length, answers);
  await page.locator("#composer").focus();
  // Traced from just before Run to the page at rest after the answer: every task in it counts.
  await browser.startTracing(page, { categories: ["devtools.timeline", "disabled-by-default-devtools.timeline"] });
  const profiler = process.env.BENCH_PROFILE_DIR ? await page.context().newCDPSession(page) : undefined;
  if (profiler) {
    await profiler.send("Profiler.enable");
    await profiler.send("Profiler.setSamplingInterval", { interval: 100 });
    await profiler.send("Profiler.start");
  }
  const started = await page.evaluate(() => performance.now());
  await page.keyboard.press("Control+Enter");
  const poll = { polling: 100, timeout: 60_000 };
  await page.waitForFunction(() => document.querySelector('[aria-busy="true"]') !== null, undefined, poll);
  await page.waitForFunction(
    ({ selector, n }) =>
      document.querySelector('[aria-busy="true"]') === null && document.querySelectorAll(selector).length === n,
    { selector: answers, n: before + 1 },
    poll,
  );
  const finished = await page.evaluate(() => performance.now());
  // The page at rest again: two frames, then an idle period, so that the last tasks are counted.
  await page.evaluate(
    () =>
      new Promise<void>((resolve) =>
        requestAnimationFrame(() =>
          requestAnimationFrame(() => requestIdleCallback(() => resolve(), { timeout: 2000 })),
        ),
      ),
  );
  const trace = await browser.stopTracing();
  if (process.env.BENCH_TRACE_DIR)
    writeFileSync(path.join(process.env.BENCH_TRACE_DIR, `trace-${Date.now()}.json`), trace);
  if (profiler && process.env.BENCH_PROFILE_DIR) {
    const { profile } = await profiler.send("Profiler.stop");
    writeFileSync(path.join(process.env.BENCH_PROFILE_DIR, `page-${Date.now()}.cpuprofile`), JSON.stringify(profile));
  }
  const { tasks, renders } = await page.evaluate(() => {
    const w = window as unknown as { benchLongTasks: { start: number; duration: number }[]; benchRenders: number };
    return { tasks: w.benchLongTasks, renders: w.benchRenders };
  });
  const measured = tasks.filter((task) => task.start + task.duration >= started);
  if (process.env.BENCH_VERBOSE)
    console.log(
      `bench: long tasks (ms after Run, duration; the answer ended at ${Math.round(finished - started)}):`,
      measured.map((task) => `${Math.round(task.start - started)}+${Math.round(task.duration)}`).join(" "),
    );
  const cpu = mainThreadTaskCpu(trace);
  return {
    loadAverage: loadavg()[0]!,
    tasksOver50: measured.filter((task) => task.duration > 50).length,
    cpuTasksOver50: cpu.filter((ms) => ms > 50).length,
    longestTaskCpuMs: Math.max(0, ...cpu),
    longestTaskMs: Math.max(0, ...measured.map((task) => task.duration)),
    blockingMs: measured.reduce((sum, task) => sum + Math.max(0, task.duration - 50), 0),
    textRenders: renders,
    streamMs: finished - started,
  };
}

export async function measureBrowserStreaming(servers: {
  fake: FakeServer;
  app: AppServer;
}): Promise<BrowserStreaming> {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"],
  });
  const perRun: BrowserRun[] = [];
  try {
    for (let run = 0; run < RUNS; run += 1) {
      // A fresh page each run: the same 500 messages, nothing left from the run before.
      const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
      const page = await context.newPage();
      await page.goto(servers.app.origin);
      await seedConversation(page);
      perRun.push(await oneRun(browser, page, servers.fake));
      await context.close();
    }
  } finally {
    await browser.close();
    await resetFake(servers.fake);
  }
  return {
    messages: MESSAGES,
    tokens: streamedAnswer().length,
    runs: RUNS,
    perRun,
    tasksOver50: Math.max(...perRun.map((run) => run.tasksOver50)),
    longestTaskMs: Math.max(...perRun.map((run) => run.longestTaskMs)),
  };
}
