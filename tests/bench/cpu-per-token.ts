/**
 * (b) Server CPU per streamed token: long scripted answers streamed through /api/chat one after
 * another, with the CPU time (utime + stime) of the Next server's process tree and of the fake's
 * read before and after. The fake's share is the baseline: the cost of producing the same tokens.
 */
import { TICK_MS, treeCpuTicks } from "./proc-tree.ts";
import { resetFake, scriptAnswers, type AppServer, type FakeServer } from "./servers.ts";
import { streamOnce, type StreamTarget } from "./stream-client.ts";

export type CpuPerToken = {
  /** Content-Encoding of the app's answers ("identity" when none). */
  encoding: string;
  streams: number;
  tokens: number;
  appCpuMs: number;
  fakeCpuMs: number;
  appUsPerToken: number;
  fakeUsPerToken: number;
  errors: string[];
};

const REQUEST_TIMEOUT_MS = 30_000;

/** Word-sized pieces, as Mistral streams them. */
function longAnswer(tokens: number): { chunks: string[] } {
  return { chunks: Array.from({ length: tokens }, (_, i) => ` word${i % 100}`) };
}

export async function measureCpuPerToken(
  servers: { app: AppServer; fake: FakeServer },
  target: StreamTarget,
  options: { warmup: number; streams: number; tokensPerStream: number; budgetMs: number },
): Promise<CpuPerToken> {
  const { app, fake } = servers;
  const errors: string[] = [];
  await resetFake(fake);
  await scriptAnswers(
    fake,
    Array.from({ length: options.warmup + options.streams }, () => longAnswer(options.tokensPerStream)),
  );
  for (let i = 0; i < options.warmup; i += 1) await streamOnce(target, REQUEST_TIMEOUT_MS);

  const appBefore = treeCpuTicks(app.child.pid);
  const fakeBefore = treeCpuTicks(fake.child.pid);
  const deadline = performance.now() + options.budgetMs;
  let streams = 0;
  let tokens = 0;
  const encodings = new Set<string>();
  while (streams < options.streams && performance.now() < deadline) {
    const result = await streamOnce(target, REQUEST_TIMEOUT_MS);
    if (result.error !== undefined) errors.push(result.error);
    streams += 1;
    tokens += result.textDeltas;
    encodings.add(result.contentEncoding ?? "identity");
  }
  const appCpuMs = (treeCpuTicks(app.child.pid) - appBefore) * TICK_MS;
  const fakeCpuMs = (treeCpuTicks(fake.child.pid) - fakeBefore) * TICK_MS;
  await resetFake(fake); // answers left unused when the time budget ran out
  return {
    encoding: [...encodings].join(", "),
    streams,
    tokens,
    appCpuMs,
    fakeCpuMs,
    appUsPerToken: (appCpuMs * 1000) / tokens,
    fakeUsPerToken: (fakeCpuMs * 1000) / tokens,
    errors,
  };
}
