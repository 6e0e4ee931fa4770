import { describe, expect, it } from "vitest";
import { backoffMs, runPool, type AttemptOutcome } from "@/lib/compare/pool";

function deferred() {
  let resolve!: (outcome: AttemptOutcome) => void;
  const promise = new Promise<AttemptOutcome>((r) => (resolve = r));
  return { promise, resolve };
}

const noSleep = () => Promise.resolve();

describe("the case runner's pool", () => {
  it("keeps at most `concurrency` attempts in flight and runs every item", async () => {
    let inFlight = 0;
    let most = 0;
    const seen: number[] = [];
    await runPool([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], {
      concurrency: 3,
      maxAttempts: 1,
      baseDelayMs: 0,
      signal: new AbortController().signal,
      run: async (item) => {
        inFlight += 1;
        most = Math.max(most, inFlight);
        await new Promise((r) => setTimeout(r, 1));
        inFlight -= 1;
        seen.push(item);
        return { retry: false };
      },
    });
    expect(most).toBe(3);
    expect(seen.sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });

  it("retries a rate-limited attempt after Retry-After, else after a doubling backoff", async () => {
    const waits: number[] = [];
    const attempts: number[] = [];
    await runPool(["a"], {
      concurrency: 1,
      maxAttempts: 4,
      baseDelayMs: 1000,
      signal: new AbortController().signal,
      sleep: async (ms) => void waits.push(ms),
      run: async (_item, attempt) => {
        attempts.push(attempt.number);
        if (attempt.number === 1) return { retry: true, retryAfterMs: 7000 };
        if (attempt.number < 4) return { retry: true };
        expect(attempt.last).toBe(true);
        return { retry: false };
      },
    });
    expect(attempts).toEqual([1, 2, 3, 4]);
    expect(waits).toEqual([7000, 2000, 4000]);
    expect(backoffMs(10, 1000, undefined)).toBe(30_000);
  });

  it("starts nothing more once stopped, and tells those in flight", async () => {
    const controller = new AbortController();
    const started: number[] = [];
    const pending = new Map<number, ReturnType<typeof deferred>>();
    const signals: AbortSignal[] = [];
    const run = runPool([1, 2, 3, 4, 5], {
      concurrency: 2,
      maxAttempts: 1,
      baseDelayMs: 0,
      signal: controller.signal,
      sleep: noSleep,
      run: (item, attempt) => {
        started.push(item);
        signals.push(attempt.signal);
        const d = deferred();
        pending.set(item, d);
        return d.promise;
      },
    });
    await Promise.resolve();
    expect(started).toEqual([1, 2]);
    controller.abort();
    expect(signals.every((s) => s.aborted)).toBe(true);
    for (const d of pending.values()) d.resolve({ retry: false });
    await run;
    expect(started).toEqual([1, 2]);
  });
});
