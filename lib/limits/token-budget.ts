import "server-only";
import { USER_API_KEY_HEADER } from "@/lib/chat/request";
import { jsonError } from "@/lib/http/errors";
import { errorWords } from "@/lib/i18n";
import { logger } from "@/lib/log/logger";
import { positiveIntegerFromEnv } from "./config";
import { getLimiter } from "./store";
import { limitSubject } from "./subject";

const DAY_SECONDS = 86_400;

/** Today's counter key: the budget starts again at midnight UTC. */
function budgetKey(subject: string, now: Date): string {
  return `${subject}:${now.toISOString().slice(0, 10)}`;
}

function secondsToMidnight(now: Date): number {
  const midnight = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1);
  return Math.max(1, Math.ceil((midnight - now.getTime()) / 1000));
}

function budgetLimiter() {
  const budget = positiveIntegerFromEnv("DAILY_TOKEN_BUDGET", undefined);
  // Two days of expiry: a key outlives its own day, whatever the hour it was first written.
  return budget === undefined ? undefined : getLimiter("tokens", budget, 2 * DAY_SECONDS);
}

export type TokenBudget = { ok: true; record: (tokens: number) => void } | { ok: false; response: Response };

/**
 * Before a run on the server's key: refused with 429 once the account (or client address) has
 * used `DAILY_TOKEN_BUDGET` tokens today. `record` adds what Mistral reported for the run. Runs on
 * the user's own key are not counted.
 */
export async function checkTokenBudget(headers: Headers): Promise<TokenBudget> {
  const limiter = budgetLimiter();
  const usesServerKey = !headers.get(USER_API_KEY_HEADER)?.trim();
  if (!limiter || !usesServerKey) return { ok: true, record: () => undefined };
  const subject = limitSubject(headers);
  const now = new Date();
  let used: number;
  try {
    used = (await limiter.get(budgetKey(subject, now)))?.consumedPoints ?? 0;
  } catch (error) {
    logger.error({ err: error }, "token budget store unavailable");
    return { ok: false, response: jsonError(503, "unavailable", errorWords("errors.unavailable")) };
  }
  if (used >= limiter.points) {
    const retryAfter = secondsToMidnight(now);
    const message = errorWords("limits.tokenBudget", { budget: limiter.points });
    return {
      ok: false,
      response: jsonError(429, "rate_limited", message, { headers: { "retry-after": String(retryAfter) } }),
    };
  }
  return {
    ok: true,
    record: (tokens) => {
      if (tokens <= 0) return;
      limiter.penalty(budgetKey(subject, new Date()), tokens).catch((error: unknown) => {
        logger.error({ err: error }, "recording tokens against the budget failed");
      });
    },
  };
}
