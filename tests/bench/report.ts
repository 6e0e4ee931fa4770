/**
 * The results as a Markdown table, printed and written into BENCHMARKS.md between two markers
 * (the rest of that file is left as it is).
 */
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import type { ConcurrentLoad } from "./concurrent-load.ts";
import type { CpuPerToken } from "./cpu-per-token.ts";
import type { SequentialTtft } from "./sequential-ttft.ts";

export type BenchResults = {
  ttft: SequentialTtft;
  cpu: CpuPerToken;
  cpuBrowser: CpuPerToken;
  load: ConcurrentLoad;
  durationS: number;
};

/** The target: the app adds at most this much to the median time to first token. */
export const ADDED_TTFT_TARGET_MS = 5;

const START = "<!-- bench:latest-run:start -->";
const END = "<!-- bench:latest-run:end -->";

const ms = (value: number) => `${value.toFixed(2)} ms`;
const us = (value: number) => `${value.toFixed(1)} µs`;
const ratio = (app: number, base: number) => `${(app / base).toFixed(1)}×`;
const mib = (kib: number) => `${(kib / 1024).toFixed(0)} MiB`;

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

export function resultsTable(r: BenchResults): string {
  const { ttft, cpu, cpuBrowser, load } = r;
  const cpuRow = (label: string, c: CpuPerToken) =>
    `| ${label} (${c.streams} × ${(c.tokens / c.streams).toFixed(0)} tokens, ${c.encoding}) | ${us(c.fakeUsPerToken)} (fake) | ${us(c.appUsPerToken)} | ${us(c.appUsPerToken - c.fakeUsPerToken)} | ${ratio(c.appUsPerToken, c.fakeUsPerToken)} |`;
  const loadErrors = (n: number) => `${n} / ${load.streams}`;
  return [
    "| Measure | Direct to fake | Through /api/chat | Added | Ratio app / direct |",
    "| --- | ---: | ---: | ---: | ---: |",
    `| (a) TTFT median, ${ttft.addedPerPair.count} sequential pairs | ${ms(ttft.direct.median)} | ${ms(ttft.app.median)} | ${ms(ttft.addedPerPair.median)} (median of per-pair differences) | ${ratio(ttft.app.median, ttft.direct.median)} |`,
    `| (a) TTFT p99 | ${ms(ttft.direct.p99)} | ${ms(ttft.app.p99)} | ${ms(ttft.addedPerPair.p99)} (p99 of per-pair differences) | ${ratio(ttft.app.p99, ttft.direct.p99)} |`,
    `| (a) of which inside streamChat (app's own \`timeToFirstTokenMs\`, median / p99) | | ${ms(ttft.appInternal.median)} / ${ms(ttft.appInternal.p99)} | | |`,
    `| (a) server CPU per short request | ${ms(ttft.fakeCpuMsPerRequest)} (fake) | ${ms(ttft.appCpuMsPerRequest)} | ${ms(ttft.appCpuMsPerRequest - ttft.fakeCpuMsPerRequest)} | ${ratio(ttft.appCpuMsPerRequest, ttft.fakeCpuMsPerRequest)} |`,
    cpuRow("(b) server CPU per streamed token", cpu),
    cpuRow("(b) same, browser's Accept-Encoding", cpuBrowser),
    `| (c) ${load.streams} concurrent streams (${load.tokensPerStream} chunks, one per ${load.chunkDelayMs} ms): errors | ${loadErrors(load.direct.errors.length)} | ${loadErrors(load.app.errors.length)} | | |`,
    `| (c) TTFT median under load | ${ms(load.direct.ttft.median)} | ${ms(load.app.ttft.median)} | ${ms(load.app.ttft.median - load.direct.ttft.median)} (difference of medians) | ${ratio(load.app.ttft.median, load.direct.ttft.median)} |`,
    `| (c) TTFT p99 under load | ${ms(load.direct.ttft.p99)} | ${ms(load.app.ttft.p99)} | ${ms(load.app.ttft.p99 - load.direct.ttft.p99)} (difference of p99s) | ${ratio(load.app.ttft.p99, load.direct.ttft.p99)} |`,
    `| (c) Next server RSS, idle → peak (${load.rssSamples} samples) | | ${mib(load.idleRssKiB)} → ${mib(load.peakRssKiB)} | ${mib(load.peakRssKiB - load.idleRssKiB)} | ${ratio(load.peakRssKiB, load.idleRssKiB)} (peak / idle) |`,
  ].join("\n");
}

export function verdict(r: BenchResults): { pass: boolean; sentence: string } {
  const added = r.ttft.addedPerPair.median;
  const pass = added <= ADDED_TTFT_TARGET_MS;
  return {
    pass,
    sentence: `Target: the median added time to first token must be at most ${ADDED_TTFT_TARGET_MS} ms — **${pass ? "PASS" : "FAIL"}** (${ms(added)}).`,
  };
}

export function writeBenchmarksMd(r: BenchResults, path = "BENCHMARKS.md"): void {
  const section = [
    START,
    "## Latest run",
    "",
    ...context(),
    `- Benchmark wall time: ${r.durationS.toFixed(0)} s`,
    "",
    resultsTable(r),
    "",
    verdict(r).sentence,
    END,
  ].join("\n");
  const current = existsSync(path) ? readFileSync(path, "utf8") : "# Benchmarks\n";
  const start = current.indexOf(START);
  const end = current.indexOf(END);
  const next =
    start >= 0 && end > start
      ? current.slice(0, start) + section + current.slice(end + END.length)
      : `${current.trimEnd()}\n\n${section}\n`;
  writeFileSync(path, next);
}
