import { z } from "zod";

const positiveInteger = z.coerce.number().int().positive();
/** Values already read, by name and text: the limits are read on every request. */
const read = new Map<string, number | undefined>();

/** A positive integer from the environment, or `fallback` (with a warning when it is malformed). */
export function positiveIntegerFromEnv(name: string, fallback: number): number;
export function positiveIntegerFromEnv(name: string, fallback: undefined): number | undefined;
export function positiveIntegerFromEnv(name: string, fallback: number | undefined): number | undefined {
  const configured = process.env[name]?.trim();
  if (!configured) return fallback;
  const key = `${name}=${configured}`;
  if (read.has(key)) return read.get(key) ?? fallback;
  const parsed = positiveInteger.safeParse(configured);
  if (!parsed.success)
    console.warn(`${name}=${JSON.stringify(configured)} is not a positive integer; using ${fallback ?? "no limit"}.`);
  read.set(key, parsed.success ? parsed.data : undefined);
  return parsed.success ? parsed.data : fallback;
}

export const DEFAULT_CHAT_RATE_LIMIT_PER_MINUTE = 20;
export const DEFAULT_SHARES_PER_MINUTE = 30;
