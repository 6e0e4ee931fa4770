import "server-only";
import pino from "pino";

const holder = globalThis as typeof globalThis & { __mistralPlaygroundLogger?: pino.Logger };

/**
 * The server's structured log: one JSON object per line on stdout. Callers pass ids, routes,
 * statuses and durations; never keys, prompts, answers or shared content. The redaction is a
 * second line of defence for the headers that carry credentials, should one ever be logged.
 */
export const logger: pino.Logger = (holder.__mistralPlaygroundLogger ??= pino(
  {
    level: process.env.LOG_LEVEL?.trim() || "info",
    base: { service: "mistral-playground" },
    redact: {
      paths: ["*.headers.authorization", "*.headers.cookie", '*.headers["x-mistral-api-key"]', "*.apiKey"],
      censor: "[redacted]",
    },
  },
  // Written in the background, not with a system call per line on the request's path: lines
  // written while one is on its way leave together. What is pending is flushed when the process exits.
  pino.destination({ dest: 1, sync: false }),
));
