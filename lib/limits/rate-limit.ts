import "server-only";
import { RateLimiterRes, type RateLimiterAbstract } from "rate-limiter-flexible";
import { DEFAULT_CHAT_RATE_LIMIT_PER_MINUTE, positiveIntegerFromEnv } from "./config";
import { getLimiter } from "./store";

export type RateLimitDecision =
  | { ok: true; limit: number; remaining: number; resetSeconds: number }
  | { ok: false; limit: number; retryAfterSeconds: number };

/** Counts one request for `key`. A store failure (Redis down) throws: the caller answers 503. */
export async function take(limiter: RateLimiterAbstract, key: string): Promise<RateLimitDecision> {
  const limit = limiter.points;
  try {
    const result = await limiter.consume(key);
    return { ok: true, limit, remaining: result.remainingPoints, resetSeconds: seconds(result.msBeforeNext) };
  } catch (error) {
    if (!(error instanceof RateLimiterRes)) throw error;
    return { ok: false, limit, retryAfterSeconds: seconds(error.msBeforeNext) };
  }
}

/** `RateLimit-Limit`, `RateLimit-Remaining`, `RateLimit-Reset` (and `Retry-After` when refused). */
export function rateLimitHeaders(decision: RateLimitDecision): Record<string, string> {
  if (!decision.ok) {
    return {
      "ratelimit-limit": String(decision.limit),
      "ratelimit-remaining": "0",
      "ratelimit-reset": String(decision.retryAfterSeconds),
      "retry-after": String(decision.retryAfterSeconds),
    };
  }
  return {
    "ratelimit-limit": String(decision.limit),
    "ratelimit-remaining": String(decision.remaining),
    "ratelimit-reset": String(decision.resetSeconds),
  };
}

/** `CHAT_RATE_LIMIT_PER_MINUTE` runs of /api/chat per account or client address (default 20). */
export function limitChatRuns(subject: string): Promise<RateLimitDecision> {
  const perMinute = positiveIntegerFromEnv("CHAT_RATE_LIMIT_PER_MINUTE", DEFAULT_CHAT_RATE_LIMIT_PER_MINUTE);
  return take(getLimiter("chat", perMinute, 60), subject);
}

const SIGN_IN_ATTEMPTS_PER_MINUTE = 10;

/** Sign-in attempts per client address: guessing passwords gets slow, a typo does not. */
export function limitSignInAttempts(subject: string): Promise<RateLimitDecision> {
  return take(getLimiter("sign-in", SIGN_IN_ATTEMPTS_PER_MINUTE, 60), subject);
}

function seconds(ms: number): number {
  return Math.max(1, Math.ceil(ms / 1000));
}
