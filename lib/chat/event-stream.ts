import "server-only";
import { performance } from "node:perf_hooks";
import { UI_MESSAGE_STREAM_HEADERS, type UIMessageChunk } from "ai";

/** Where the relay writes the answer: one UI message chunk at a time. */
export type ChunkWriter = {
  write(chunk: UIMessageChunk): void;
  /**
   * Sends what was written so far, and resolves once the reader has taken it (backpressure);
   * undefined when it already has.
   */
  drained(): Promise<void> | undefined;
};

/** Where an event stream's text goes: Node's response (the chat lane) or a web stream. */
export type EventSink = {
  /** Takes text; false when the reader is behind and `drained` should be awaited. */
  write(text: string): boolean;
  /** Resolves when the reader has caught up, or is gone. */
  drained(): Promise<void>;
  /** Takes the last text, and ends. */
  end(text: string): void;
};

type Producer = (writer: ChunkWriter) => Promise<void>;

/**
 * How long, at most, the stream's start waits for the answer's first read, to leave with it in
 * one write rather than two.
 */
export const START_HOLD_MS = 250;
/** How long, at most, a stream holds later deltas back while the server is busy. */
export const BUSY_HOLD_MS = 40;
/** The share of the last `LOAD_SAMPLE_MS` the event loop spent working, past which the server is busy… */
const BUSY_UTILIZATION = 0.8;
/** …and under which it is not any more. */
const IDLE_UTILIZATION = 0.5;
const LOAD_SAMPLE_MS = 100;
/** Streams open at once past which the server counts as busy before its load shows. */
const BUSY_STREAMS = 100;

/**
 * Whether the server is busy: its event loop busy lately, or many answers streaming. Every
 * write to a socket costs about 20 µs of system time: with hundreds of answers streaming at
 * once, a write per token is most of what the server does, and answers just starting wait
 * behind it for their first token. The stream count tells at once, as a burst arrives; the
 * event loop's load, sampled, tells a while later.
 */
const load = { busy: false, streams: 0, sampler: undefined as NodeJS.Timeout | undefined };

function serverBusy(): boolean {
  if (!load.sampler) {
    let last = performance.eventLoopUtilization();
    load.sampler = setInterval(() => {
      const now = performance.eventLoopUtilization();
      const { utilization } = performance.eventLoopUtilization(now, last);
      load.busy = load.busy ? utilization >= IDLE_UTILIZATION : utilization >= BUSY_UTILIZATION;
      last = now;
    }, LOAD_SAMPLE_MS);
    load.sampler.unref();
  }
  return load.busy || load.streams >= BUSY_STREAMS;
}

/** Flushes of streams holding deltas back, run together by one timer. */
const held = new Set<() => void>();
let heldTimer: NodeJS.Timeout | undefined;

function hold(flush: () => void): void {
  held.add(flush);
  heldTimer ??= setTimeout(() => {
    heldTimer = undefined;
    const flushes = [...held];
    held.clear();
    for (const run of flushes) run();
  }, BUSY_HOLD_MS);
}

const DELTAS = new Set<UIMessageChunk["type"]>(["text-delta", "reasoning-delta", "tool-input-delta"]);

/**
 * The AI SDK UI message stream (Server-Sent Events, `data: {chunk}` lines ending with
 * `data: [DONE]`) written by one producer straight to its reader: Node's response in the chat
 * lane, with no web stream between them, or a `Response` body under `next dev`. Chunks written
 * together — every event parsed from one network read of Mistral's answer — leave in one write.
 * While the server is busy, deltas after the first are held back up to `BUSY_HOLD_MS` to leave
 * with the next ones: fewer writes, so that answers just starting get their first token sooner.
 * The first delta and everything else (tool calls, errors, the end) leave at once; the stream's
 * start waits for the answer's first read (up to `START_HOLD_MS`), to leave with it.
 *
 * `produce` must not throw: it reports failures as error chunks. `onCancel` runs when the
 * reader goes away before the end.
 */
export class EventStream {
  readonly status = 200;
  readonly headers: Readonly<Record<string, string>>;
  readonly #produce: Producer;
  readonly #onCancel: () => void;
  readonly #busy: () => boolean;
  readonly #settled: (() => void)[] = [];
  #started = false;

  /** `busy` tells whether later deltas may be held back now (the server's load by default). */
  constructor(
    produce: Producer,
    options: { headers: Record<string, string>; onCancel: () => void; busy?: () => boolean },
  ) {
    this.#produce = produce;
    this.#onCancel = options.onCancel;
    this.#busy = options.busy ?? serverBusy;
    this.headers = { ...UI_MESSAGE_STREAM_HEADERS, ...options.headers };
  }

  /** Runs `callback` once the stream has ended or its reader has left. */
  onSettled(callback: () => void): void {
    this.#settled.push(callback);
  }

  /**
   * Starts the producer, writing to `sink`; once only. Returns what to call when the reader
   * leaves before the end.
   */
  start(sink: EventSink): () => void {
    if (this.#started) throw new Error("An event stream can be read once.");
    this.#started = true;
    const busy = this.#busy;
    load.streams += 1;
    let open = true;
    let pending = "";
    let flushScheduled = false;
    // Only deltas after the first may be held back, and only while the server is busy.
    let deltasSent = false;
    let onlyDeltasPending = true;
    let holding = false;
    let behind = false;
    // Until the answer's first read, what is written (the start, a retry notice) waits for it.
    let answering = false;
    let startTimer: NodeJS.Timeout | undefined;

    const settle = () => {
      open = false;
      load.streams -= 1;
      held.delete(flushHeld);
      clearTimeout(startTimer);
      for (const callback of this.#settled.splice(0)) callback();
    };
    const send = () => {
      flushScheduled = false;
      if (!open || pending === "") return;
      const text = pending;
      pending = "";
      onlyDeltasPending = true;
      if (!sink.write(text)) behind = true;
    };
    const flushHeld = () => {
      holding = false;
      send();
    };
    const flush = () => {
      if (!answering) {
        startTimer ??= setTimeout(() => {
          startTimer = undefined;
          send();
        }, START_HOLD_MS);
        return;
      }
      if (holding) {
        if (onlyDeltasPending) return;
        holding = false;
        held.delete(flushHeld);
      } else if (deltasSent && onlyDeltasPending && busy() && pending !== "") {
        holding = true;
        hold(flushHeld);
        return;
      }
      send();
    };
    const writer: ChunkWriter = {
      write(chunk) {
        if (!open) return;
        pending += `data: ${JSON.stringify(chunk)}\n\n`;
        if (DELTAS.has(chunk.type)) {
          if (!deltasSent) onlyDeltasPending = false;
          deltasSent = true;
        } else onlyDeltasPending = false;
        if (!flushScheduled) {
          flushScheduled = true;
          // Chunks written in one go (one network read's events) leave together.
          queueMicrotask(() => {
            flushScheduled = false;
            flush();
          });
        }
      },
      drained() {
        if (!answering) {
          answering = true;
          clearTimeout(startTimer);
          startTimer = undefined;
        }
        flush();
        if (!open || !behind) return undefined;
        return sink.drained().then(() => {
          behind = false;
        });
      },
    };

    void this.#produce(writer).then(() => {
      if (!open) return;
      const text = `${pending}data: [DONE]\n\n`;
      pending = "";
      settle();
      sink.end(text);
    });
    return () => {
      if (!open) return;
      settle();
      this.#onCancel();
    };
  }

  /** The stream as a `Response` (the route handler's answer). */
  toResponse(): Response {
    const encoder = new TextEncoder();
    let cancel: (() => void) | undefined;
    let wake: (() => void) | undefined;
    const body = new ReadableStream<Uint8Array>({
      start: (controller) => {
        cancel = this.start({
          write(text) {
            controller.enqueue(encoder.encode(text));
            return (controller.desiredSize ?? 1) > 0;
          },
          drained() {
            if ((controller.desiredSize ?? 1) > 0) return Promise.resolve();
            return new Promise<void>((resolve) => (wake = resolve));
          },
          end(text) {
            controller.enqueue(encoder.encode(text));
            controller.close();
          },
        });
      },
      pull() {
        wake?.();
        wake = undefined;
      },
      cancel() {
        wake?.();
        wake = undefined;
        cancel?.();
      },
    });
    return new Response(body, { status: this.status, headers: this.headers });
  }
}
