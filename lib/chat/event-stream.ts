import "server-only";
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
  end(): void;
};

type Producer = (writer: ChunkWriter) => Promise<void>;

/**
 * The AI SDK UI message stream (Server-Sent Events, `data: {chunk}` lines ending with
 * `data: [DONE]`) written by one producer straight to its reader: Node's response in the chat
 * lane, with no web stream between them, or a `Response` body under `next dev`. Chunks written
 * together — every event parsed from one network read of Mistral's answer — leave in one write.
 *
 * `produce` must not throw: it reports failures as error chunks. `onCancel` runs when the
 * reader goes away before the end.
 */
export class EventStream {
  readonly status = 200;
  readonly headers: Readonly<Record<string, string>>;
  readonly #produce: Producer;
  readonly #onCancel: () => void;
  readonly #settled: (() => void)[] = [];
  #started = false;

  constructor(produce: Producer, options: { headers: Record<string, string>; onCancel: () => void }) {
    this.#produce = produce;
    this.#onCancel = options.onCancel;
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
    let open = true;
    let pending = "";
    let flushScheduled = false;
    let behind = false;

    const settle = () => {
      open = false;
      for (const callback of this.#settled.splice(0)) callback();
    };
    const flush = () => {
      flushScheduled = false;
      if (!open || pending === "") return;
      const text = pending;
      pending = "";
      if (!sink.write(text)) behind = true;
    };
    const writer: ChunkWriter = {
      write(chunk) {
        if (!open) return;
        pending += `data: ${JSON.stringify(chunk)}\n\n`;
        if (!flushScheduled) {
          flushScheduled = true;
          // Chunks written in one go (one network read's events) leave together.
          queueMicrotask(flush);
        }
      },
      drained() {
        flush();
        if (!open || !behind) return undefined;
        return sink.drained().then(() => {
          behind = false;
        });
      },
    };

    void this.#produce(writer).then(() => {
      if (!open) return;
      pending += "data: [DONE]\n\n";
      flush();
      sink.end();
      settle();
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
          end: () => controller.close(),
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
