import { z } from "zod";

const positiveInteger = z.coerce.number().int().positive();

/** A positive integer from the environment, or `fallback` (with a warning when it is malformed). */
export function positiveIntegerFromEnv(name: string, fallback: number): number;
export function positiveIntegerFromEnv(name: string, fallback: undefined): number | undefined;
export function positiveIntegerFromEnv(name: string, fallback: number | undefined): number | undefined {
  const configured = process.env[name]?.trim();
  if (!configured) return fallback;
  const parsed = positiveInteger.safeParse(configured);
  if (parsed.success) return parsed.data;
  console.warn(`${name}=${JSON.stringify(configured)} is not a positive integer; using ${fallback ?? "no limit"}.`);
  return fallback;
}

export const DEFAULT_CHAT_RATE_LIMIT_PER_MINUTE = 20;
export const DEFAULT_SHARES_PER_MINUTE = 30;
