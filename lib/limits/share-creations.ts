import "server-only";
import { DEFAULT_SHARES_PER_MINUTE, positiveIntegerFromEnv } from "./config";
import { take } from "./rate-limit";
import { getLimiter } from "./store";
import { limitSubject } from "./subject";

export type RateLimitDecision = { ok: true } | { ok: false; retryAfterSeconds: number };

/**
 * Counts one share creation against the account or client address: `SHARE_RATE_LIMIT_PER_MINUTE`
 * a minute (default 30), in Redis when `REDIS_URL` is set so every instance counts together.
 */
export async function takeShareCreation(request: Request): Promise<RateLimitDecision> {
  const perMinute = positiveIntegerFromEnv("SHARE_RATE_LIMIT_PER_MINUTE", DEFAULT_SHARES_PER_MINUTE);
  const decision = await take(getLimiter("shares", perMinute, 60), limitSubject(request.headers));
  return decision.ok ? { ok: true } : { ok: false, retryAfterSeconds: decision.retryAfterSeconds };
}
