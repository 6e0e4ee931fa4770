/**
 * (b) Server CPU per streamed token: long scripted answers streamed through each route one after
 * another, with the CPU time (utime + stime) of that route's server process tree and of the fake's
 * read before and after. Routes take turns in repeats (rotating order), so that a busy moment of
 * the shared machine does not land on one route only; the sums over all repeats are reported, and
 * the spread of the per-repeat ratios.
 */
import { TICK_MS, treeCpuTicks } from "./proc-tree.ts";
import { resetFake, scriptAnswers, type FakeServer } from "./servers.ts";
import { streamOnce, type StreamTarget } from "./stream-client.ts";
import type { Servers, TargetName, Targets } from "./targets.ts";

export type RouteCpu = {
  streams: number;
  tokens: number;
  serverCpuMs: number;
  fakeCpuMs: number;
  usPerToken: number;
  fakeUsPerToken: number;
  /** µs per token of each repeat, in order. */
  perRepeat: number[];
  encoding: string;
};

export type CpuPerToken = {
  repeats: number;
  tokensPerStream: number;
  routes: Partial<Record<TargetName, RouteCpu>>;
  errors: string[];
};

const REQUEST_TIMEOUT_MS = 30_000;

/** Word-sized pieces, as Mistral streams them. */
function longAnswer(tokens: number): { chunks: string[] } {
  return { chunks: Array.from({ length: tokens }, (_, i) => ` word${i % 100}`) };
}

async function streamMany(fake: FakeServer, target: StreamTarget, streams: number, tokens: number, errors: string[]) {
  await resetFake(fake);
  await scriptAnswers(
    fake,
    Array.from({ length: streams }, () => longAnswer(tokens)),
  );
  let received = 0;
  const encodings = new Set<string>();
  for (let i = 0; i < streams; i += 1) {
    const result = await streamOnce(target, REQUEST_TIMEOUT_MS);
    if (result.error !== undefined) errors.push(result.error);
    received += result.textDeltas;
    encodings.add(result.contentEncoding ?? "identity");
  }
  return { received, encoding: [...encodings].join(", ") };
}

export async function measureCpuPerToken(
  servers: Servers,
  targets: Targets,
  routes: readonly Exclude<TargetName, "direct">[],
  options: { warmup: number; streams: number; repeats: number; tokensPerStream: number },
): Promise<CpuPerToken> {
  const { fake } = servers;
  const errors: string[] = [];
  for (const route of routes) await streamMany(fake, targets[route], options.warmup, options.tokensPerStream, errors);

  const totals: Partial<Record<TargetName, RouteCpu>> = {};
  for (let repeat = 0; repeat < options.repeats; repeat += 1) {
    for (let i = 0; i < routes.length; i += 1) {
      const route = routes[(repeat + i) % routes.length]!;
      const server = servers[route];
      const serverBefore = treeCpuTicks(server.child.pid);
      const fakeBefore = treeCpuTicks(fake.child.pid);
      const { received, encoding } = await streamMany(
        fake,
        targets[route],
        options.streams,
        options.tokensPerStream,
        errors,
      );
      const serverCpuMs = (treeCpuTicks(server.child.pid) - serverBefore) * TICK_MS;
      const fakeCpuMs = (treeCpuTicks(fake.child.pid) - fakeBefore) * TICK_MS;
      const total = (totals[route] ??= {
        streams: 0,
        tokens: 0,
        serverCpuMs: 0,
        fakeCpuMs: 0,
        usPerToken: 0,
        fakeUsPerToken: 0,
        perRepeat: [],
        encoding,
      });
      total.streams += options.streams;
      total.tokens += received;
      total.serverCpuMs += serverCpuMs;
      total.fakeCpuMs += fakeCpuMs;
      total.perRepeat.push((serverCpuMs * 1000) / received);
    }
  }
  for (const total of Object.values(totals)) {
    total.usPerToken = (total.serverCpuMs * 1000) / total.tokens;
    total.fakeUsPerToken = (total.fakeCpuMs * 1000) / total.tokens;
  }
  await resetFake(fake);
  return { repeats: options.repeats, tokensPerStream: options.tokensPerStream, routes: totals, errors };
}
