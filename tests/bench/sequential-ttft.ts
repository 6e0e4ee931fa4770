/**
 * (a) Added time to first token: rounds of sequential requests, one to each target (straight to
 * the fake, the byte pipe, the AI SDK route, /api/chat), in an order that rotates every round so
 * that no target always runs on a warmer path. Added time is each request's time to first token
 * minus the direct one of its round. The CPU each server spends over the measured rounds is read
 * too: per request, it is what bounds the time to first token once many requests arrive at once.
 */
import { TICK_MS, treeCpuTicks } from "./proc-tree.ts";
import { summarize, type Summary } from "./stats.ts";
import { streamOnce, type StreamResult } from "./stream-client.ts";
import { TARGET_NAMES, type Servers, type TargetName, type Targets } from "./targets.ts";

export type RouteTtft = {
  ttft: Summary;
  /** Per round: this route's time to first token minus the direct request's. */
  added: Summary;
  cpuMsPerRequest: number;
};

export type SequentialTtft = {
  rounds: number;
  routes: Record<TargetName, RouteTtft>;
  /** The app's own measure, from entering streamChat to its first text delta. */
  appInternal: Summary;
  errors: string[];
};

const REQUEST_TIMEOUT_MS = 10_000;

async function runRound(targets: Targets, round: number): Promise<Record<TargetName, StreamResult>> {
  const results = {} as Record<TargetName, StreamResult>;
  for (let i = 0; i < TARGET_NAMES.length; i += 1) {
    const name = TARGET_NAMES[(round + i) % TARGET_NAMES.length]!;
    results[name] = await streamOnce(targets[name], REQUEST_TIMEOUT_MS);
  }
  return results;
}

export async function measureSequentialTtft(
  servers: Servers,
  targets: Targets,
  options: { warmup: number; rounds: number; budgetMs: number },
): Promise<SequentialTtft> {
  for (let i = 0; i < options.warmup; i += 1) await runRound(targets, i);

  const errors: string[] = [];
  const ttfts = Object.fromEntries(TARGET_NAMES.map((name) => [name, [] as number[]])) as Record<TargetName, number[]>;
  const added = Object.fromEntries(TARGET_NAMES.map((name) => [name, [] as number[]])) as Record<TargetName, number[]>;
  const appInternal: number[] = [];
  const ticksBefore = TARGET_NAMES.map((name) => treeCpuTicks(servers[name === "direct" ? "fake" : name].child.pid));
  const deadline = performance.now() + options.budgetMs;
  let rounds = 0;
  for (; rounds < options.rounds && performance.now() < deadline; rounds += 1) {
    const results = await runRound(targets, rounds);
    for (const result of Object.values(results)) if (result.error !== undefined) errors.push(result.error);
    if (results.app.serverTtftMs !== undefined) appInternal.push(results.app.serverTtftMs);
    const direct = results.direct.ttftMs;
    if (direct === undefined || TARGET_NAMES.some((name) => results[name].ttftMs === undefined)) continue;
    for (const name of TARGET_NAMES) {
      ttfts[name].push(results[name].ttftMs!);
      added[name].push(results[name].ttftMs! - direct);
    }
  }
  const routes = Object.fromEntries(
    TARGET_NAMES.map((name, i) => {
      const pid = servers[name === "direct" ? "fake" : name].child.pid;
      const cpuMs = (treeCpuTicks(pid) - ticksBefore[i]!) * TICK_MS;
      // The fake serves every request of a round; its share per request is the cost of one answer.
      const requests = name === "direct" ? rounds * TARGET_NAMES.length : rounds;
      return [name, { ttft: summarize(ttfts[name]), added: summarize(added[name]), cpuMsPerRequest: cpuMs / requests }];
    }),
  ) as Record<TargetName, RouteTtft>;
  return { rounds, routes, appInternal: summarize(appInternal), errors };
}
