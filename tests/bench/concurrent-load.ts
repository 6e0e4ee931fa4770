/**
 * (c) Many simultaneous streams: the fake paces every answer like a model would (a chunk every
 * `chunkDelayMs`), all streams are opened at once, first straight to the fake (the baseline), then
 * through /api/chat while the Next server's resident memory is sampled. Its idle RSS is read just
 * before the app's bursts: a server warmed by the earlier measures, at rest.
 */
import { samplePeakRss, treeRssKiB } from "./proc-tree.ts";
import { resetFake, scriptAnswers, setFault, type AppServer, type FakeServer } from "./servers.ts";
import { summarize, type Summary } from "./stats.ts";
import { streamOnce, type StreamResult, type StreamTarget } from "./stream-client.ts";
import type { TargetPair } from "./targets.ts";

export type BurstResult = { ttft: Summary; errors: string[]; wallMs: number };

export type ConcurrentLoad = {
  streams: number;
  tokensPerStream: number;
  chunkDelayMs: number;
  direct: BurstResult;
  app: BurstResult;
  idleRssKiB: number;
  peakRssKiB: number;
  rssSamples: number;
};

const REQUEST_TIMEOUT_MS = 60_000;
const RSS_SAMPLE_MS = 50;

async function burst(target: StreamTarget, streams: number): Promise<BurstResult> {
  const started = performance.now();
  const results: StreamResult[] = await Promise.all(
    Array.from({ length: streams }, () => streamOnce(target, REQUEST_TIMEOUT_MS)),
  );
  const ttfts = results.flatMap((r) => (r.ttftMs === undefined ? [] : [r.ttftMs]));
  const errors = results.flatMap((r) => (r.error === undefined ? [] : [r.error]));
  return { ttft: summarize(ttfts), errors, wallMs: performance.now() - started };
}

export async function measureConcurrentLoad(
  servers: { app: AppServer; fake: FakeServer },
  pair: TargetPair,
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
  // keep-alive pools (client → app → fake) are full and have not idled out.
  await prepare(options.streams * 2);
  await burst(pair.direct, options.streams);
  const direct = await burst(pair.direct, options.streams);

  await prepare(options.streams * 2);
  const idleRssKiB = treeRssKiB(app.child.pid);
  const sampler = samplePeakRss(app.child.pid, RSS_SAMPLE_MS);
  await burst(pair.app, options.streams);
  const viaApp = await burst(pair.app, options.streams);
  const { peakKiB, samples } = sampler.stop();
  await resetFake(fake);

  return {
    streams: options.streams,
    tokensPerStream: options.tokensPerStream,
    chunkDelayMs: options.chunkDelayMs,
    direct,
    app: viaApp,
    idleRssKiB,
    peakRssKiB: peakKiB,
    rssSamples: samples,
  };
}
