import { describe, expect, it } from "vitest";
import { createStreamSlots, OVERLOADED_RETRY_AFTER_SECONDS } from "@/lib/chat/stream-slots";
import { errorBodySchema } from "@/lib/http/errors";

function streamingResponse() {
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  let cancelled = false;
  const body = new ReadableStream<Uint8Array>({
    start: (c) => void (controller = c),
    cancel: () => void (cancelled = true),
  });
  return {
    response: new Response(body, { headers: { "content-type": "text/event-stream" } }),
    send: (text: string) => controller.enqueue(new TextEncoder().encode(text)),
    end: () => controller.close(),
    cancelled: () => cancelled,
  };
}

describe("stream slots", () => {
  it("answers 503 with Retry-After past the limit, and frees a slot when a stream ends", async () => {
    const slots = createStreamSlots(2);
    const first = streamingResponse();
    const second = streamingResponse();
    const a = await slots.run(() => first.response);
    await slots.run(() => second.response);
    expect(slots.active).toBe(2);

    const refused = await slots.run(() => streamingResponse().response);
    expect(refused.status).toBe(503);
    expect(refused.headers.get("retry-after")).toBe(String(OVERLOADED_RETRY_AFTER_SECONDS));
    expect(errorBodySchema.parse(await refused.json()).error.code).toBe("overloaded");
    expect(slots.active).toBe(2);

    // The body passes through unchanged; the slot is freed when it ends.
    expect(a.headers.get("content-type")).toBe("text/event-stream");
    first.send("data: 1\n\n");
    first.end();
    expect(await a.text()).toBe("data: 1\n\n");
    expect(slots.active).toBe(1);
    expect((await slots.run(() => streamingResponse().response)).status).toBe(200);
  });

  it("frees the slot when the client cancels, and passes the cancel upstream", async () => {
    const slots = createStreamSlots(1);
    const upstream = streamingResponse();
    const response = await slots.run(() => upstream.response);
    await response.body?.cancel("client left");
    expect(slots.active).toBe(0);
    expect(upstream.cancelled()).toBe(true);
  });

  it("frees the slot when starting the stream throws", async () => {
    const slots = createStreamSlots(1);
    await expect(
      slots.run(() => {
        throw new Error("boom");
      }),
    ).rejects.toThrow("boom");
    expect(slots.active).toBe(0);
  });
});
