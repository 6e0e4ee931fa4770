import { describe, expect, it } from "vitest";
import { EventStream, type ChunkWriter } from "@/lib/chat/event-stream";
import { createStreamSlots, OVERLOADED_RETRY_AFTER_SECONDS } from "@/lib/chat/stream-slots";
import { errorBodySchema } from "@/lib/http/errors";

/** An answer's event stream whose producer the test drives: `send` a chunk, then `end`. */
function testStream() {
  let write!: ChunkWriter["write"];
  let finish!: () => void;
  let cancelled = false;
  const stream = new EventStream(
    (writer) => {
      write = (chunk) => writer.write(chunk);
      return new Promise<void>((resolve) => (finish = resolve));
    },
    { headers: { "x-test": "1" }, onCancel: () => void (cancelled = true) },
  );
  return {
    stream,
    send: (delta: string) => write({ type: "text-delta", id: "0", delta }),
    end: () => finish(),
    cancelled: () => cancelled,
  };
}

function asStream(answer: EventStream | Response): EventStream {
  if (!(answer instanceof EventStream)) throw new Error(`expected a stream, got ${answer.status}`);
  return answer;
}

describe("stream slots", () => {
  it("answers 503 with Retry-After past the limit, and frees a slot when a stream ends", async () => {
    const slots = createStreamSlots(2);
    const first = testStream();
    const second = testStream();
    const a = asStream(slots.run(() => first.stream));
    slots.run(() => second.stream);
    expect(slots.active).toBe(2);

    const refused = slots.run(() => testStream().stream);
    expect(refused).toBeInstanceOf(Response);
    const response = refused as Response;
    expect(response.status).toBe(503);
    expect(response.headers.get("retry-after")).toBe(String(OVERLOADED_RETRY_AFTER_SECONDS));
    expect(errorBodySchema.parse(await response.json()).error.code).toBe("overloaded");
    expect(slots.active).toBe(2);

    // The stream is the one started; its slot is freed when it ends.
    expect(a.headers["x-test"]).toBe("1");
    const body = a.toResponse();
    first.send("hello");
    first.end();
    expect(await body.text()).toBe('data: {"type":"text-delta","id":"0","delta":"hello"}\n\ndata: [DONE]\n\n');
    expect(slots.active).toBe(1);
    expect(asStream(slots.run(() => testStream().stream)).status).toBe(200);
  });

  it("frees the slot when the client cancels, and passes the cancel upstream", async () => {
    const slots = createStreamSlots(1);
    const upstream = testStream();
    const response = asStream(slots.run(() => upstream.stream)).toResponse();
    await response.body?.cancel("client left");
    expect(slots.active).toBe(0);
    expect(upstream.cancelled()).toBe(true);
  });

  it("frees the slot when starting the stream throws", async () => {
    const slots = createStreamSlots(1);
    expect(() =>
      slots.run(() => {
        throw new Error("boom");
      }),
    ).toThrow("boom");
    expect(slots.active).toBe(0);
  });
});
