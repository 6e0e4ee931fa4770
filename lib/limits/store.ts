import "server-only";
import { Redis } from "ioredis";
import { RateLimiterMemory, RateLimiterRedis, type RateLimiterAbstract } from "rate-limiter-flexible";

// One connection per process, kept on globalThis: dev-mode reloads re-evaluate modules, and the
// proxy and the route handlers are separate bundles that must count in the same place.
const holder = globalThis as typeof globalThis & {
  __mistralPlaygroundRedis?: Redis;
  __mistralPlaygroundLimiters?: Map<string, RateLimiterAbstract>;
};

/** The Redis client when `REDIS_URL` is set; counters then hold across every instance. */
export function getRedis(): Redis | undefined {
  const url = process.env.REDIS_URL?.trim();
  if (!url) return undefined;
  holder.__mistralPlaygroundRedis ??= new Redis(url, {
    // A command while Redis is down fails at once instead of queueing: the request gets a 503.
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    lazyConnect: false,
  });
  return holder.__mistralPlaygroundRedis;
}

/**
 * A counter of `points` per `durationSeconds` for each key, atomic and expiring in Redis when
 * `REDIS_URL` is set, else in this process. One limiter per name and configuration.
 */
export function getLimiter(name: string, points: number, durationSeconds: number): RateLimiterAbstract {
  const id = `${name}:${points}:${durationSeconds}`;
  const limiters = (holder.__mistralPlaygroundLimiters ??= new Map());
  let limiter = limiters.get(id);
  if (!limiter) {
    const options = { keyPrefix: `playground:${name}`, points, duration: durationSeconds };
    const redis = getRedis();
    limiter = redis ? new RateLimiterRedis({ ...options, storeClient: redis }) : new RateLimiterMemory(options);
    limiters.set(id, limiter);
  }
  return limiter;
}

/** Closes the Redis connection, if any (tests and shutdown). */
export async function closeLimitStore(): Promise<void> {
  const redis = holder.__mistralPlaygroundRedis;
  holder.__mistralPlaygroundRedis = undefined;
  holder.__mistralPlaygroundLimiters = undefined;
  await redis?.quit();
}
