/**
 * (a) Added time to first token: pairs of sequential requests, one straight to the fake and one
 * through /api/chat, in alternating order so that neither side always runs on a warmer path.
 * The CPU the two servers spend over the measured pairs is read too: per request, it is what
 * bounds the time to first token once many requests arrive at once.
 */
import { TICK_MS, treeCpuTicks } from "./proc-tree.ts";
import type { AppServer, FakeServer } from "./servers.ts";
import { summarize, type Summary } from "./stats.ts";
import { streamOnce, type StreamResult } from "./stream-client.ts";
import type { TargetPair } from "./targets.ts";

export type SequentialTtft = {
  direct: Summary;
  app: Summary;
  addedPerPair: Summary;
  /** The app's own measure, from entering streamChat to its first text delta. */
  appInternal: Summary;
  appCpuMsPerRequest: number;
  fakeCpuMsPerRequest: number;
  errors: string[];
};

const REQUEST_TIMEOUT_MS = 10_000;

/** Both requests of pair `i`, the direct one first on even pairs. */
async function runPair(pair: TargetPair, i: number): Promise<{ viaFake: StreamResult; viaApp: StreamResult }> {
  const directFirst = i % 2 === 0;
  const first = await streamOnce(directFirst ? pair.direct : pair.app, REQUEST_TIMEOUT_MS);
  const second = await streamOnce(directFirst ? pair.app : pair.direct, REQUEST_TIMEOUT_MS);
  return directFirst ? { viaFake: first, viaApp: second } : { viaFake: second, viaApp: first };
}

export async function measureSequentialTtft(
  servers: { app: AppServer; fake: FakeServer },
  pair: TargetPair,
  options: { warmup: number; pairs: number; budgetMs: number },
): Promise<SequentialTtft> {
  for (let i = 0; i < options.warmup; i += 1) await runPair(pair, i);

  const errors: string[] = [];
  const direct: number[] = [];
  const app: number[] = [];
  const added: number[] = [];
  const appInternal: number[] = [];
  const appTicks = treeCpuTicks(servers.app.child.pid);
  const fakeTicks = treeCpuTicks(servers.fake.child.pid);
  const deadline = performance.now() + options.budgetMs;
  let measured = 0;
  for (; measured < options.pairs && performance.now() < deadline; measured += 1) {
    const { viaFake, viaApp } = await runPair(pair, measured);
    for (const failed of [viaFake, viaApp]) if (failed.error !== undefined) errors.push(failed.error);
    if (viaApp.serverTtftMs !== undefined) appInternal.push(viaApp.serverTtftMs);
    if (viaFake.ttftMs === undefined || viaApp.ttftMs === undefined) continue;
    direct.push(viaFake.ttftMs);
    app.push(viaApp.ttftMs);
    added.push(viaApp.ttftMs - viaFake.ttftMs);
  }
  const appCpuMs = (treeCpuTicks(servers.app.child.pid) - appTicks) * TICK_MS;
  const fakeCpuMs = (treeCpuTicks(servers.fake.child.pid) - fakeTicks) * TICK_MS;
  return {
    direct: summarize(direct),
    app: summarize(app),
    addedPerPair: summarize(added),
    appInternal: summarize(appInternal),
    appCpuMsPerRequest: appCpuMs / measured,
    // The fake serves both requests of a pair.
    fakeCpuMsPerRequest: fakeCpuMs / (2 * measured),
    errors,
  };
}
