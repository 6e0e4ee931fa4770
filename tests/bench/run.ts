/**
 * `npm run bench`: what the app adds on top of Mistral, against the fake Mistral server, with the
 * production build, measured side by side with two baselines built from tests/bench/baseline-app
 * (the AI SDK's documented route and a byte pipe), then an answer streaming into a long
 * conversation in Chromium. See BENCHMARKS.md for what is measured; the latest run is written
 * there. `BENCH_ONLY=server` or `BENCH_ONLY=browser` runs one half (and writes nothing);
 * `BENCH_ONLY=compare` runs only the Compare case run (and writes its own section).
 */
import { measureBrowserStreaming, type BrowserStreaming } from "./browser-streaming.ts";
import { stopChild } from "./children.ts";
import { benchCompareCases } from "./compare-cases.ts";
import { measureConcurrentLoad } from "./concurrent-load.ts";
import { measureCpuPerToken } from "./cpu-per-token.ts";
import { resultsTables, targetsMet, writeBenchmarksMd, type BenchResults } from "./report.ts";
import { measureSequentialTtft } from "./sequential-ttft.ts";
import {
  BASELINE_DIR,
  buildAppIfMissing,
  buildBaselineIfStale,
  startApp,
  startFake,
  startNodePipe,
} from "./servers.ts";
import { benchAgent } from "./stream-client.ts";
import { BROWSER_ACCEPT_ENCODING, targets, type Servers } from "./targets.ts";

const SHORT_PROMPT = "Benchmark: answer in one short sentence.";
const only = process.env.BENCH_ONLY;

function step(label: string): void {
  console.log(`bench: ${label}`);
}

async function measureServer(servers: Servers): Promise<Omit<BenchResults, "browser" | "durationS">> {
  const all = targets(servers, SHORT_PROMPT);
  step("(a) time to first token, sequential rounds");
  const ttft = await measureSequentialTtft(servers, all, { warmup: 50, rounds: 300, budgetMs: 40_000 });
  step("(b) CPU per streamed token");
  const cpuOptions = { warmup: 2, streams: 10, repeats: 3, tokensPerStream: 2000 };
  const cpu = await measureCpuPerToken(servers, all, ["node", "pipe", "sdk", "app"], cpuOptions);
  const browserHeaders = targets(servers, SHORT_PROMPT, { "accept-encoding": BROWSER_ACCEPT_ENCODING });
  const cpuBrowser = await measureCpuPerToken(servers, browserHeaders, ["app"], { ...cpuOptions, repeats: 1 });
  step("(c) 500 concurrent streams");
  const load = await measureConcurrentLoad(servers, all, { streams: 500, tokensPerStream: 100, chunkDelayMs: 20 });
  return { ttft, cpu, cpuBrowser, load };
}

async function measure(): Promise<{ server?: Awaited<ReturnType<typeof measureServer>>; browser?: BrowserStreaming }> {
  await buildAppIfMissing();
  if (only !== "browser") await buildBaselineIfStale();
  step("starting the fake Mistral server and the servers");
  const fake = await startFake();
  const started = [fake.child];
  try {
    let server: Awaited<ReturnType<typeof measureServer>> | undefined;
    let browser: BrowserStreaming | undefined;
    if (only !== "browser") {
      const app = await startApp(fake);
      started.push(app.child);
      const pipe = await startApp(fake, BASELINE_DIR);
      started.push(pipe.child);
      const sdk = await startApp(fake, BASELINE_DIR);
      started.push(sdk.child);
      const node = await startNodePipe(fake);
      started.push(node.child);
      server = await measureServer({ fake, app, node, pipe, sdk });
      for (const child of [app.child, node.child, pipe.child, sdk.child]) await stopChild(child);
    }
    if (only !== "server") {
      step("(d) an answer streaming into a long conversation, in Chromium");
      const app = await startApp(fake);
      started.push(app.child);
      browser = await measureBrowserStreaming({ fake, app });
    }
    return { server, browser };
  } finally {
    benchAgent.destroy();
    for (const child of started) await stopChild(child);
  }
}

const began = performance.now();
const { server, browser } = only === "compare" ? {} : await measure();
if (server) {
  const results: BenchResults = { ...server, browser, durationS: (performance.now() - began) / 1000 };
  const targetLines = targetsMet(results).map((t) => `${t.pass ? "PASS" : "FAIL"}  ${t.goal}: ${t.measured}`);
  console.log(`\n${resultsTables(results)}\n\n${targetLines.join("\n")}`);
  if (!only) {
    writeBenchmarksMd(results);
    console.log("bench: results written to BENCHMARKS.md");
  }
  const failures = [
    ["(a)", results.ttft.errors],
    ["(b)", results.cpu.errors],
    ["(b, browser encoding)", results.cpuBrowser.errors],
    ["(c) direct", results.load.direct.errors],
    ["(c) Node byte pipe", results.load.node.errors],
    ["(c) Next.js byte pipe", results.load.pipe.errors],
    ["(c) app", results.load.app.errors],
    ["(c) AI SDK route", results.load.sdk.errors],
  ] as const;
  for (const [phase, errors] of failures) {
    if (errors.length > 0) console.error(`bench: ${phase} ${errors.length} failed requests, first: ${errors[0]}`);
  }
  if (failures.some(([, errors]) => errors.length > 0)) process.exitCode = 1;
} else if (browser) {
  console.log(JSON.stringify(browser, null, 2));
}

// (d) in its own servers and browser; it records its own section of BENCHMARKS.md.
if ((!only || only === "compare") && !(await benchCompareCases())) process.exitCode = 1;
