/**
 * (c) Many simultaneous streams: the fake paces every answer like a model would (a chunk every
 * `chunkDelayMs`), all streams are opened at once: straight to the fake (the baseline), through
 * the plain Node.js byte pipe (the floor of any relay) and the Next.js one (what any route pays), through /api/chat while the Next server's resident memory is sampled, and through the AI SDK route for
 * comparison. The app's idle RSS is read just before its bursts: a server warmed by the earlier
 * measures, at rest.
 */
import { samplePeakRss, treeRssKiB } from "./proc-tree.ts";
import { resetFake, scriptAnswers, setFault } from "./servers.ts";
import { summarize, type Summary } from "./stats.ts";
import { streamOnce, type StreamResult, type StreamTarget } from "./stream-client.ts";
import type { Servers, Targets } from "./targets.ts";

export type BurstResult = { ttft: Summary; errors: string[]; completed: number; wallMs: number };

export type ConcurrentLoad = {
  streams: number;
  tokensPerStream: number;
  chunkDelayMs: number;
  direct: BurstResult;
  /** The plain Node.js byte pipe: what any relay pays per stream, the floor for /api/chat. */
  node: BurstResult;
  /** The byte pipe as a Next.js route: what any route handler pays per stream. */
  pipe: BurstResult;
  app: BurstResult;
  sdk: BurstResult;
  idleRssKiB: number;
  peakRssKiB: number;
  rssSamples: number;
};

const REQUEST_TIMEOUT_MS = 60_000;
const RSS_SAMPLE_MS = 50;

async function burst(target: StreamTarget, streams: number, tokens: number): Promise<BurstResult> {
  const started = performance.now();
  const results: StreamResult[] = await Promise.all(
    Array.from({ length: streams }, () => streamOnce(target, REQUEST_TIMEOUT_MS)),
  );
  const ttfts = results.flatMap((r) => (r.ttftMs === undefined ? [] : [r.ttftMs]));
  const errors = results.flatMap((r) => (r.error === undefined ? [] : [r.error]));
  // Complete: ended with [DONE] after every scripted chunk.
  const completed = results.filter((r) => r.error === undefined && r.textDeltas === tokens).length;
  return { ttft: summarize(ttfts), errors, completed, wallMs: performance.now() - started };
}

export async function measureConcurrentLoad(
  servers: Servers,
  targets: Targets,
  options: { streams: number; tokensPerStream: number; chunkDelayMs: number },
): Promise<ConcurrentLoad> {
  const { app, fake } = servers;
  const answer = { chunks: Array.from({ length: options.tokensPerStream }, (_, i) => ` word${i}`) };
  const prepare = async (count: number) => {
    await resetFake(fake);
    await setFault(fake, { kind: "slow", chunkDelayMs: options.chunkDelayMs });
    await scriptAnswers(
      fake,
      Array.from({ length: count }, () => answer),
    );
  };
  // Each side is warmed by a burst of the same size right before its measured one, so that
  // keep-alive pools (client → server → fake) are full and have not idled out.
  const warmedBurst = async (target: StreamTarget) => {
    await prepare(options.streams * 2);
    await burst(target, options.streams, options.tokensPerStream);
    return burst(target, options.streams, options.tokensPerStream);
  };

  const direct = await warmedBurst(targets.direct);
  const node = await warmedBurst(targets.node);
  const pipe = await warmedBurst(targets.pipe);

  await prepare(options.streams * 2);
  const idleRssKiB = treeRssKiB(app.child.pid);
  const sampler = samplePeakRss(app.child.pid, RSS_SAMPLE_MS);
  await burst(targets.app, options.streams, options.tokensPerStream);
  const viaApp = await burst(targets.app, options.streams, options.tokensPerStream);
  const { peakKiB, samples } = sampler.stop();

  const sdk = await warmedBurst(targets.sdk);
  await resetFake(fake);

  return {
    ...options,
    direct,
    node,
    pipe,
    app: viaApp,
    sdk,
    idleRssKiB,
    peakRssKiB: peakKiB,
    rssSamples: samples,
  };
}
