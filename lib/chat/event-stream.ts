import "server-only";
import { UI_MESSAGE_STREAM_HEADERS, type UIMessageChunk } from "ai";

/** Where the relay writes the answer: one UI message chunk at a time. */
export type ChunkWriter = {
  write(chunk: UIMessageChunk): void;
  /** Resolves once the browser has taken what was written (backpressure); at once when it has. */
  drained(): Promise<void> | undefined;
};

/**
 * The AI SDK UI message stream (Server-Sent Events, `data: {chunk}` lines ending with
 * `data: [DONE]`) written by one producer, without a chain of web streams between it and the
 * response. Chunks written in one turn of the event loop — every event parsed from one network
 * read of Mistral's answer — leave in one write: the per-write cost of Next's response piping is
 * paid once per read, not once per event.
 *
 * `produce` must not throw: it reports failures as error chunks. `onCancel` runs when the
 * browser goes away before the end.
 */
export function eventStreamResponse(
  produce: (writer: ChunkWriter) => Promise<void>,
  options: { headers: Record<string, string>; onCancel: () => void },
): Response {
  const encoder = new TextEncoder();
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  let pending = "";
  let flushScheduled = false;
  let open = true;
  let wakeProducer: (() => void) | undefined;

  const flush = () => {
    flushScheduled = false;
    if (!open || pending === "") return;
    controller.enqueue(encoder.encode(pending));
    pending = "";
  };

  const writer: ChunkWriter = {
    write(chunk) {
      if (!open) return;
      pending += `data: ${JSON.stringify(chunk)}\n\n`;
      if (!flushScheduled) {
        flushScheduled = true;
        // After the microtasks of this turn: all events of one network read end up together.
        setImmediate(flush);
      }
    },
    drained() {
      if (!open || (controller.desiredSize ?? 1) > 0) return undefined;
      return new Promise<void>((resolve) => (wakeProducer = resolve));
    },
  };

  const body = new ReadableStream<Uint8Array>({
    start(streamController) {
      controller = streamController;
      void produce(writer).then(() => {
        if (!open) return;
        pending += "data: [DONE]\n\n";
        flush();
        open = false;
        controller.close();
      });
    },
    pull() {
      wakeProducer?.();
      wakeProducer = undefined;
    },
    cancel() {
      open = false;
      wakeProducer?.();
      options.onCancel();
    },
  });

  return new Response(body, { headers: { ...UI_MESSAGE_STREAM_HEADERS, ...options.headers } });
}
