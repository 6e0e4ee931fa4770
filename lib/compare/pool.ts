/** What one attempt asks of the pool: nothing more, or another try after a wait. */
export type AttemptOutcome = { retry: false } | { retry: true; retryAfterMs?: number };

export type PoolOptions<T> = {
  /** At most this many attempts in flight at once. */
  concurrency: number;
  /** Attempts per item, the first included. */
  maxAttempts: number;
  /** First backoff; it doubles per attempt unless the answer said how long to wait. */
  baseDelayMs: number;
  signal: AbortSignal;
  run: (item: T, attempt: { number: number; last: boolean; signal: AbortSignal }) => Promise<AttemptOutcome>;
  /** Told before each wait for a retry, with its length. */
  onWait?: (ms: number) => void;
  /** Injected by tests; an abort ends the wait early. */
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
};

const MAX_BACKOFF_MS = 30_000;

function abortableSleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal.removeEventListener("abort", done);
      resolve();
    }
    signal.addEventListener("abort", done, { once: true });
  });
}

/** The wait before attempt `number + 1`: the server's Retry-After when given, else doubling. */
export function backoffMs(attempt: number, baseDelayMs: number, retryAfterMs: number | undefined): number {
  if (retryAfterMs !== undefined && retryAfterMs >= 0) return Math.min(retryAfterMs, MAX_BACKOFF_MS);
  return Math.min(baseDelayMs * 2 ** (attempt - 1), MAX_BACKOFF_MS);
}

/**
 * Runs `items` with at most `concurrency` in flight, in order. An attempt that asks for a retry
 * (a rate limit) keeps its slot and tries again after the backoff. Once the signal aborts, no
 * new item starts; those in flight see the signal.
 */
export async function runPool<T>(items: readonly T[], options: PoolOptions<T>): Promise<void> {
  const sleep = options.sleep ?? abortableSleep;
  let next = 0;
  async function worker() {
    while (!options.signal.aborted && next < items.length) {
      const item = items[next++] as T;
      for (let attempt = 1; attempt <= options.maxAttempts; attempt++) {
        const last = attempt === options.maxAttempts;
        const outcome = await options.run(item, { number: attempt, last, signal: options.signal });
        if (!outcome.retry || last || options.signal.aborted) break;
        const wait = backoffMs(attempt, options.baseDelayMs, outcome.retryAfterMs);
        options.onWait?.(wait);
        await sleep(wait, options.signal);
        if (options.signal.aborted) break;
      }
    }
  }
  const workers = Math.max(1, Math.min(options.concurrency, items.length));
  await Promise.all(Array.from({ length: workers }, worker));
}
