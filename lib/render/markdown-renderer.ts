import "server-only";
import path from "node:path";
import { Worker } from "node:worker_threads";
import { renderLimits } from "./limits";
import { checkMarkdown } from "./markdown-limits";
import type { MarkdownTreeResult } from "./markdown-pipeline";
import { READY, type RenderedPart, type RenderJob } from "./worker-messages";

/** A Markdown text rendered to a tree, or why it is shown as plain text instead. */
export type MarkdownPart = MarkdownTreeResult | { ok: false; reason: "too_slow" };

/**
 * Resolved from the working directory, like the migrations. In production, the bundle `next build`
 * writes into the build folder (lib/render/worker-bundle.mjs); elsewhere the source, which Node
 * runs as it is.
 */
const WORKER_FILE =
  process.env.NODE_ENV === "production"
    ? path.join(process.cwd(), ".next", "markdown-worker.mjs")
    : path.join(process.cwd(), "lib", "render", "markdown-worker.ts");
/**
 * Up to one worker per core on the machines this runs on; each renders one share at a time. The
 * first is started with the server and kept; the others start when shares arrive while the first
 * is busy, and end after `SPARE_IDLE_MS` without work (each holds about 70 MB).
 */
const LANES = 2;
const SPARE_IDLE_MS = 60_000;
/** Loading the parser and highlighter takes a few hundred milliseconds, or seconds on a busy machine. */
const WORKER_START_MS = 30_000;

interface Lane {
  worker?: { thread: Worker; ready: Promise<boolean> };
  pending: number;
  tail: Promise<unknown>;
  idleTimer?: NodeJS.Timeout;
}

const lanes: Lane[] = Array.from({ length: LANES }, () => ({ pending: 0, tail: Promise.resolve() }));
let nextJob = 0;

function startWorker(lane: Lane): NonNullable<Lane["worker"]> {
  // Not `new Worker(…)`: the bundler rewrites that expression to bundle the worker itself, and
  // loses a path that is only known at run time. Node runs the file as it is.
  const thread: Worker = Reflect.construct(Worker, [
    WORKER_FILE,
    // A worker that runs out of memory ends alone, and its parts show as plain text.
    { resourceLimits: { maxOldGenerationSizeMb: 256 } },
  ]);
  thread.unref();
  let startTimer: NodeJS.Timeout | undefined;
  const ready = new Promise<boolean>((resolve) => {
    // The worker says so once its modules are loaded; render budgets start after that.
    thread.once("message", (message: unknown) => resolve(message === READY));
    // Always listened to: an unhandled worker error would end the server.
    thread.on("error", (error) => {
      console.error(`[render] a Markdown worker failed: ${error.name}`);
      resolve(false);
    });
    thread.once("exit", () => {
      resolve(false);
      if (lane.worker?.thread === thread) lane.worker = undefined;
    });
    // A worker that never gets ready would hold its lane's jobs forever.
    startTimer = setTimeout(() => void thread.terminate(), WORKER_START_MS);
    startTimer.unref();
  }).then((ok) => {
    clearTimeout(startTimer);
    return ok;
  });
  return { thread, ready };
}

/**
 * Renders Markdown texts off the main thread, within `budgetMs` for all of them: the parts not
 * done by then (a text that makes the parser crawl) come back as `too_slow`, and the worker is
 * replaced. Texts over the size or nesting limits are not parsed at all.
 */
export function renderMarkdown(
  texts: readonly string[],
  budgetMs: number = renderLimits.shareRenderMs,
): Promise<MarkdownPart[]> {
  const parts: (MarkdownPart | undefined)[] = texts.map((text) => {
    const check = checkMarkdown(text);
    return check.ok ? undefined : check;
  });
  const wanted = parts.flatMap((part, index) => (part ? [] : [index]));
  if (wanted.length === 0) return Promise.resolve(parts as MarkdownPart[]);

  // The least busy lane; on a tie the earlier one, so a spare worker starts only under load.
  const lane = lanes.reduce((best, candidate) => (candidate.pending < best.pending ? candidate : best));
  clearTimeout(lane.idleTimer);
  lane.pending += 1;
  const run = lane.tail.then(async () => {
    const rendered = await renderOn(
      lane,
      wanted.map((index) => texts[index] ?? ""),
      budgetMs,
    );
    rendered.forEach((part, i) => (parts[wanted[i] ?? 0] = part));
    return parts as MarkdownPart[];
  });
  // The next job waits for this one, whether it rendered or failed.
  lane.tail = run
    .catch(() => undefined)
    .finally(() => {
      lane.pending -= 1;
      if (lane !== lanes[0] && lane.pending === 0) stopWhenIdle(lane);
    });
  return run;
}

async function renderOn(lane: Lane, texts: string[], budgetMs: number): Promise<MarkdownPart[]> {
  lane.worker ??= startWorker(lane);
  const { thread, ready } = lane.worker;
  const results: (MarkdownPart | undefined)[] = texts.map(() => undefined);
  if (!(await ready)) {
    lane.worker = undefined;
    return results.map(() => ({ ok: false, reason: "failed" }));
  }
  const job = (nextJob += 1);
  return new Promise((resolve) => {
    let left = texts.length;
    const finish = (missing: MarkdownPart) => {
      clearTimeout(timer);
      thread.off("message", onMessage);
      thread.off("exit", onExit);
      resolve(results.map((part) => part ?? missing));
    };
    const onMessage = (part: RenderedPart) => {
      if (part.job !== job) return;
      results[part.index] = part.result;
      left -= 1;
      if (left === 0) finish({ ok: false, reason: "failed" });
    };
    const onExit = () => {
      // Out of memory, or crashed: what it had not sent is shown as plain text.
      lane.worker = undefined;
      finish({ ok: false, reason: "too_large" });
    };
    const timer = setTimeout(() => {
      lane.worker = undefined;
      thread.off("exit", onExit);
      void thread.terminate();
      finish({ ok: false, reason: "too_slow" });
    }, budgetMs);
    thread.on("message", onMessage);
    thread.on("exit", onExit);
    thread.postMessage({ job, texts } satisfies RenderJob);
  });
}

function stopWhenIdle(lane: Lane): void {
  lane.idleTimer = setTimeout(() => {
    const worker = lane.worker;
    if (lane.pending > 0 || !worker) return;
    lane.worker = undefined;
    void worker.thread.terminate();
  }, SPARE_IDLE_MS);
  lane.idleTimer.unref();
}

/** Starts the first worker ahead of the first share, so its first view does not wait for it. */
export async function startMarkdownWorkers(): Promise<void> {
  const [first] = lanes;
  if (!first || !(await (first.worker ??= startWorker(first)).ready))
    throw new Error("A Markdown worker did not start");
}
