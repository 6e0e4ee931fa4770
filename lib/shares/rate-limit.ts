import { z } from "zod";

export type RateLimitDecision = { ok: true } | { ok: false; retryAfterSeconds: number };

export interface RateLimiter {
  /** Counts one request for `key` and says whether it may proceed. */
  take(key: string): RateLimitDecision;
}

/**
 * A fixed-window counter per key, in memory. Per process: behind several instances each one
 * counts on its own, which is enough to stop one client from filling the database by accident.
 */
export function createRateLimiter({
  limit,
  windowMs,
  now = Date.now,
}: {
  limit: number;
  windowMs: number;
  now?: () => number;
}): RateLimiter {
  const windows = new Map<string, { startedAt: number; count: number }>();
  let lastSweep = now();

  return {
    take(key) {
      const time = now();
      // Forget finished windows once per window, so memory follows the clients of the last minute.
      if (time - lastSweep >= windowMs) {
        for (const [k, window] of windows) if (time - window.startedAt >= windowMs) windows.delete(k);
        lastSweep = time;
      }
      let window = windows.get(key);
      if (!window || time - window.startedAt >= windowMs) {
        window = { startedAt: time, count: 0 };
        windows.set(key, window);
      }
      if (window.count >= limit) {
        return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((window.startedAt + windowMs - time) / 1000)) };
      }
      window.count += 1;
      return { ok: true };
    },
  };
}

/**
 * The client a request counts against: the first hop of X-Forwarded-For, as set by the proxy in
 * front of the app. Without a proxy that overwrites it a client can choose its own key, so deploy
 * behind one; with no header at all (local use) everyone shares one key.
 */
export function clientKey(request: Request): string {
  const firstHop = request.headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  return firstHop || "local";
}

export const DEFAULT_SHARES_PER_MINUTE = 30;
const perMinuteSchema = z.coerce.number().int().positive();

let shareCreationLimiter: RateLimiter | undefined;

/** The limiter for share creations: `SHARE_RATE_LIMIT_PER_MINUTE` per client (default 30). */
export function getShareCreationLimiter(): RateLimiter {
  if (!shareCreationLimiter) {
    const configured = process.env.SHARE_RATE_LIMIT_PER_MINUTE ?? String(DEFAULT_SHARES_PER_MINUTE);
    const parsed = perMinuteSchema.safeParse(configured);
    if (!parsed.success) {
      console.warn(
        `SHARE_RATE_LIMIT_PER_MINUTE=${JSON.stringify(configured)} is not a positive integer; using ${DEFAULT_SHARES_PER_MINUTE}.`,
      );
    }
    const limit = parsed.success ? parsed.data : DEFAULT_SHARES_PER_MINUTE;
    shareCreationLimiter = createRateLimiter({ limit, windowMs: 60_000 });
  }
  return shareCreationLimiter;
}
