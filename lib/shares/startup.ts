import "server-only";
import { startMarkdownWorkers } from "@/lib/render/markdown-renderer";
import { getShareStore } from "./db";

/**
 * Opens and migrates the share database, and starts the Markdown workers, while the server
 * starts (instrumentation.ts): PGlite takes seconds to start, which the first share would
 * otherwise wait for. Readiness goes to the log; a database that cannot start yet is tried again
 * on first use.
 */
export async function prepareShares(): Promise<void> {
  const started = performance.now();
  const store = getShareStore();
  const [database, workers] = await Promise.allSettled([store.open(), startMarkdownWorkers()]);
  const ms = Math.round(performance.now() - started);
  if (database.status === "fulfilled") console.log(`[shares] database ready (${store.kind}) in ${ms} ms`);
  else console.error(`[shares] database not ready at start (${errorName(database.reason)}); trying again on first use`);
  if (workers.status === "rejected")
    console.error(`[render] Markdown workers did not start (${errorName(workers.reason)})`);
}

function errorName(error: unknown): string {
  return error instanceof Error ? error.name : typeof error;
}
