import "server-only";
import { Redis } from "ioredis";
import { RateLimiterMemory, RateLimiterRedis, type RateLimiterAbstract } from "rate-limiter-flexible";
import { logger } from "@/lib/log/logger";

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
  if (!holder.__mistralPlaygroundRedis) {
    // While Redis is down a command fails after one reconnection attempt instead of waiting:
    // the request gets a 503 and /api/health says why.
    const redis = new Redis(url, { maxRetriesPerRequest: 1, connectTimeout: 2_000 });
    let lastError = "";
    redis.on("error", (error: Error) => {
      // ioredis retries for ever; say each new cause once, not at every attempt.
      if (error.message === lastError) return;
      lastError = error.message;
      logger.error({ err: error }, "Redis connection error");
    });
    redis.on("ready", () => {
      lastError = "";
    });
    holder.__mistralPlaygroundRedis = redis;
  }
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
export function closeLimitStore(): void {
  const redis = holder.__mistralPlaygroundRedis;
  holder.__mistralPlaygroundRedis = undefined;
  holder.__mistralPlaygroundLimiters = undefined;
  redis?.disconnect();
}
