/**
 * The results as Markdown tables with the targets checked, printed and written into
 * BENCHMARKS.md between two markers (the rest of that file is left as it is).
 */
import { execFileSync } from "node:child_process";
import { readFileSync, statSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import type { BrowserStreaming } from "./browser-streaming.ts";
import type { ConcurrentLoad } from "./concurrent-load.ts";
import type { CpuPerToken } from "./cpu-per-token.ts";
import type { SequentialTtft } from "./sequential-ttft.ts";
import { writeSection } from "./markdown-section.ts";
import { TARGET_LABELS, TARGET_NAMES } from "./targets.ts";

export type BenchResults = {
  ttft: SequentialTtft;
  cpu: CpuPerToken;
  cpuBrowser: CpuPerToken;
  load: ConcurrentLoad;
  browser: BrowserStreaming | undefined;
  durationS: number;
};

const START = "<!-- bench:latest-run:start -->";
const END = "<!-- bench:latest-run:end -->";

const ms = (value: number) => `${value.toFixed(2)} ms`;
const us = (value: number) => `${value.toFixed(1)} µs`;
const times = (value: number) => `${value.toFixed(2)}×`;
const mb = (kib: number) => `${((kib * 1024) / 1e6).toFixed(0)} MB`;

function git(...args: string[]): string {
  return execFileSync("git", args, { encoding: "utf8" }).trim();
}

function context(): string[] {
  // BENCHMARKS.md is rewritten by every run, so it does not count.
  const dirty =
    git("status", "--porcelain", "--", ".", ":!BENCHMARKS.md").length > 0 ? " (work tree has uncommitted changes)" : "";
  const buildId = readFileSync(".next/BUILD_ID", "utf8").trim();
  const builtAt = statSync(".next/BUILD_ID").mtime.toISOString();
  return [
    `- Date: ${new Date().toISOString()}`,
    `- Machine: ${cpus().length} cores (${cpus()[0]?.model ?? "unknown CPU"}), ${(totalmem() / 2 ** 30).toFixed(1)} GiB memory`,
    `- Node ${process.version}; commit ${git("rev-parse", "--short", "HEAD")}${dirty}; production build ${buildId} of ${builtAt}`,
  ];
}

export type Target = { goal: string; measured: string; pass: boolean };

export function targetsMet(r: BenchResults): Target[] {
  const { ttft, cpu, load, browser } = r;
  const app = ttft.routes.app.added.median;
  const sdk = ttft.routes.sdk.added.median;
  const cpuApp = cpu.routes.app!.usPerToken;
  const cpuSdk = cpu.routes.sdk!.usPerToken;
  const loadRatio = load.app.ttft.p99 / load.direct.ttft.p99;
  const peakMb = (load.peakRssKiB * 1024) / 1e6;
  const targets: Target[] = [
    {
      goal: "CPU per streamed token ≤ 0.35× the AI SDK route's",
      measured: `${times(cpuApp / cpuSdk)} (${us(cpuApp)} / ${us(cpuSdk)})`,
      pass: cpuApp / cpuSdk <= 0.35,
    },
    {
      goal: "Added time to first token (median) ≤ 0.6× the AI SDK route's",
      measured: `${times(app / sdk)} (${ms(app)} / ${ms(sdk)})`,
      pass: app / sdk <= 0.6,
    },
    { goal: "Added time to first token (median) ≤ 2 ms", measured: ms(app), pass: app <= 2 },
    {
      goal: `${load.streams} concurrent streams: no error, every stream complete`,
      measured: `${load.app.errors.length} errors, ${load.app.completed} / ${load.streams} complete`,
      pass: load.app.errors.length === 0 && load.app.completed === load.streams,
    },
    {
      goal: `${load.streams} concurrent streams: p99 time to first token ≤ 2× direct`,
      measured: `${times(loadRatio)} (${ms(load.app.ttft.p99)} / ${ms(load.direct.ttft.p99)})`,
      pass: loadRatio <= 2,
    },
    {
      goal: `${load.streams} concurrent streams: peak RSS ≤ 400 MB`,
      measured: mb(load.peakRssKiB),
      pass: peakMb <= 400,
    },
  ];
  if (browser) {
    targets.push({
      goal: `No main-thread task over 50 ms while an answer streams into ${browser.messages} messages`,
      measured: `longest ${ms(browser.longestTaskMs)}, up to ${browser.tasksOver50} tasks over 50 ms per run (wall clock; longest main-thread CPU time of a task: ${ms(Math.max(...browser.perRun.map((run) => run.longestTaskCpuMs)))})`,
      pass: browser.tasksOver50 === 0,
    });
  }
  return targets;
}

export function resultsTables(r: BenchResults): string {
  const { ttft, cpu, cpuBrowser, load, browser } = r;
  const sdkAdded = ttft.routes.sdk.added.median;
  const sdkCpu = cpu.routes.sdk!.usPerToken;
  const lines = [
    `### (a) Time to first token, ${ttft.rounds} sequential rounds`,
    "",
    "| Route | TTFT median | TTFT p99 | Added median | Added p99 | Added / AI SDK route's | Server CPU per request |",
    "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ...TARGET_NAMES.map((name) => {
      const route = ttft.routes[name];
      const added = name === "direct" ? "—" : ms(route.added.median);
      const addedP99 = name === "direct" ? "—" : ms(route.added.p99);
      const ratio = name === "direct" ? "—" : times(route.added.median / sdkAdded);
      const who = name === "direct" ? " (fake)" : "";
      return `| ${TARGET_LABELS[name]} | ${ms(route.ttft.median)} | ${ms(route.ttft.p99)} | ${added} | ${addedP99} | ${ratio} | ${ms(route.cpuMsPerRequest)}${who} |`;
    }),
    "",
    `Of the app's added time, inside \`streamChat\` (its own \`timeToFirstTokenMs\`, median / p99): ${ms(ttft.appInternal.median)} / ${ms(ttft.appInternal.p99)}.`,
    "",
    `### (b) Server CPU per streamed token (${cpu.repeats} interleaved repeats of answers of ${cpu.tokensPerStream} chunks)`,
    "",
    "| Route | Streams | CPU per token | Per repeat | / AI SDK route's | Fake's CPU per token |",
    "| --- | ---: | ---: | ---: | ---: | ---: |",
    ...(["node", "pipe", "sdk", "app"] as const).map((name) => {
      const route = cpu.routes[name]!;
      return `| ${TARGET_LABELS[name]} (${route.encoding}) | ${route.streams} | ${us(route.usPerToken)} | ${route.perRepeat.map((v) => v.toFixed(1)).join(" / ")} | ${times(route.usPerToken / sdkCpu)} | ${us(route.fakeUsPerToken)} |`;
    }),
    ...(["app"] as const).map((name) => {
      const route = cpuBrowser.routes[name]!;
      return `| ${TARGET_LABELS[name]}, browser's Accept-Encoding (${route.encoding}) | ${route.streams} | ${us(route.usPerToken)} | ${route.perRepeat.map((v) => v.toFixed(1)).join(" / ")} | ${times(route.usPerToken / sdkCpu)} | ${us(route.fakeUsPerToken)} |`;
    }),
    "",
    `### (c) ${load.streams} concurrent streams (${load.tokensPerStream} chunks each, one every ${load.chunkDelayMs} ms)`,
    "",
    "| Route | Errors | Complete | TTFT median | TTFT p99 | p99 / direct p99 | Burst wall time |",
    "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ...(["direct", "node", "pipe", "app", "sdk"] as const).map((name) => {
      const b = load[name];
      return `| ${TARGET_LABELS[name]} | ${b.errors.length} | ${b.completed} / ${load.streams} | ${ms(b.ttft.median)} | ${ms(b.ttft.p99)} | ${times(b.ttft.p99 / load.direct.ttft.p99)} | ${(b.wallMs / 1000).toFixed(1)} s |`;
    }),
    "",
    `The app's server (\`next start\`), resident memory (VmRSS of its process tree, ${load.rssSamples} samples): ${mb(load.idleRssKiB)} at rest → ${mb(load.peakRssKiB)} at the peak of its bursts.`,
  ];
  if (browser) {
    lines.push(
      "",
      `### (d) Browser: an answer of ${browser.tokens} chunks streamed into ${browser.messages} messages (Chromium, ${browser.runs} runs)`,
      "",
      "| Run | Tasks over 50 ms | Longest task | Total blocking time | Tasks over 50 ms of CPU | Longest task's CPU | Renders of the streamed text | Time to stream | Load average |",
      "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
      ...browser.perRun.map(
        (run, i) =>
          `| ${i + 1} | ${run.tasksOver50} | ${ms(run.longestTaskMs)} | ${ms(run.blockingMs)} | ${run.cpuTasksOver50} | ${ms(run.longestTaskCpuMs)} | ${run.textRenders} | ${(run.streamMs / 1000).toFixed(1)} s | ${run.loadAverage.toFixed(1)} |`,
      ),
    );
  }
  return lines.join("\n");
}

export function writeBenchmarksMd(r: BenchResults, path = "BENCHMARKS.md"): void {
  writeSection(path, START, END, [
    "## Latest run",
    "",
    ...context(),
    `- Benchmark wall time: ${r.durationS.toFixed(0)} s`,
    "",
    "| Target | Measured | |",
    "| --- | --- | --- |",
    ...targetsMet(r).map((t) => `| ${t.goal} | ${t.measured} | ${t.pass ? "**PASS**" : "**FAIL**"} |`),
    "",
    resultsTables(r),
  ]);
}
