/**
 * `npm run bench`: what the app adds on top of Mistral, against the fake Mistral server, with
 * the production build. See BENCHMARKS.md for what is measured; the latest run is written there.
 */
import { stopChild } from "./children.ts";
import { benchCompareCases } from "./compare-cases.ts";
import { measureConcurrentLoad } from "./concurrent-load.ts";
import { measureCpuPerToken } from "./cpu-per-token.ts";
import { resultsTable, verdict, writeBenchmarksMd, type BenchResults } from "./report.ts";
import { measureSequentialTtft } from "./sequential-ttft.ts";
import { buildAppIfMissing, startApp, startFake } from "./servers.ts";
import { benchAgent } from "./stream-client.ts";
import { BROWSER_ACCEPT_ENCODING, targets } from "./targets.ts";

const SHORT_PROMPT = "Benchmark: answer in one short sentence.";

function step(label: string): void {
  console.log(`bench: ${label}`);
}

async function measure(): Promise<BenchResults> {
  const started = performance.now();
  await buildAppIfMissing();
  step("starting the fake Mistral server and `next start`");
  const fake = await startFake();
  const app = await startApp(fake);
  const servers = { app, fake };
  try {
    step("(a) time to first token, sequential pairs");
    const ttft = await measureSequentialTtft(servers, targets(servers, SHORT_PROMPT), {
      warmup: 100,
      pairs: 500,
      budgetMs: 40_000,
    });
    step("(b) CPU per streamed token");
    const cpuOptions = { warmup: 3, streams: 100, tokensPerStream: 2000, budgetMs: 12_000 };
    const cpu = await measureCpuPerToken(servers, targets(servers, SHORT_PROMPT).app, cpuOptions);
    const browserTarget = targets(servers, SHORT_PROMPT, { "accept-encoding": BROWSER_ACCEPT_ENCODING }).app;
    const cpuBrowser = await measureCpuPerToken(servers, browserTarget, cpuOptions);
    step("(c) 200 concurrent streams");
    const load = await measureConcurrentLoad(servers, targets(servers, SHORT_PROMPT), {
      streams: 200,
      tokensPerStream: 100,
      chunkDelayMs: 20,
    });
    return { ttft, cpu, cpuBrowser, load, durationS: (performance.now() - started) / 1000 };
  } finally {
    benchAgent.destroy();
    await stopChild(app.child);
    await stopChild(fake.child);
  }
}

const results = await measure();
console.log(`\n${resultsTable(results)}\n\n${verdict(results).sentence}`);
writeBenchmarksMd(results);
console.log("bench: results written to BENCHMARKS.md");

const failures = [
  ["(a)", results.ttft.errors],
  ["(b)", results.cpu.errors],
  ["(b, browser encoding)", results.cpuBrowser.errors],
  ["(c) direct", results.load.direct.errors],
  ["(c) app", results.load.app.errors],
] as const;
for (const [phase, errors] of failures) {
  if (errors.length > 0) console.error(`bench: ${phase} ${errors.length} failed requests, first: ${errors[0]}`);
}
if (failures.some(([, errors]) => errors.length > 0)) process.exitCode = 1;

if (!(await benchCompareCases())) process.exitCode = 1;
