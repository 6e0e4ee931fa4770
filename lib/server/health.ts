import "server-only";
import { randomBytes } from "node:crypto";
import { getRedis } from "@/lib/limits/store";
import { mistralConfig } from "@/lib/mistral/config";
import { getShareStore } from "@/lib/shares/db";
import { logger } from "@/lib/log/logger";

const CHECK_TIMEOUT_MS = 2_000;

export interface Health {
  ok: boolean;
  database: { kind: "pglite" | "postgres"; ok: boolean };
  /** Absent when `REDIS_URL` is not set: the counters are then in the process. */
  redis?: { ok: boolean };
  serverKey: boolean;
  signIn: boolean;
}

/** The state of each dependency, with no secret: what a load balancer polls. */
export async function checkHealth(): Promise<Health> {
  const store = getShareStore();
  // A read by primary key of an id no share has: it proves the connection and the migrations.
  const database = await probe("database", () => store.getShare(randomBytes(16).toString("base64url")));
  const redisClient = getRedis();
  const redis = redisClient ? { ok: await probe("redis", () => redisClient.ping()) } : undefined;
  return {
    ok: database && (redis?.ok ?? true),
    database: { kind: store.kind, ok: database },
    ...(redis ? { redis } : {}),
    serverKey: mistralConfig().apiKey !== undefined,
    signIn: Boolean(process.env.AUTH_SECRET?.trim()),
  };
}

async function probe(name: string, check: () => Promise<unknown>): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer in ${CHECK_TIMEOUT_MS} ms`)), CHECK_TIMEOUT_MS);
  });
  try {
    await Promise.race([check(), timeout]);
    return true;
  } catch (error) {
    logger.error({ err: error, dependency: name }, "health check failed");
    return false;
  } finally {
    clearTimeout(timer);
  }
}
