import { describe, expect, it } from "vitest";
import { BUSY_HOLD_MS, EventStream, START_HOLD_MS, type ChunkWriter } from "@/lib/chat/event-stream";

/** A stream whose producer the test drives, read by a sink that records each write and its time. */
function drivenStream(busy: boolean) {
  let writer!: ChunkWriter;
  let finish!: () => void;
  const stream = new EventStream(
    (w) => {
      writer = w;
      return new Promise<void>((resolve) => (finish = resolve));
    },
    { headers: {}, onCancel: () => undefined, busy: () => busy },
  );
  const writes: { at: number; events: string[] }[] = [];
  let ended!: () => void;
  const end = new Promise<void>((resolve) => (ended = resolve));
  stream.start({
    write(text) {
      writes.push({ at: performance.now(), events: text.trimEnd().split("\n\n") });
      return true;
    },
    drained: () => Promise.resolve(),
    end(text) {
      writes.push({ at: performance.now(), events: text.trimEnd().split("\n\n") });
      ended();
    },
  });
  /** One network read's worth of deltas, written and handed on as the relay does. */
  const read = (...deltas: string[]) => {
    for (const delta of deltas) writer.write({ type: "text-delta", id: "0", delta });
    return writer.drained();
  };
  const deltasOf = (write: { events: string[] } | undefined) =>
    (write?.events ?? []).flatMap((event) => {
      if (event === "data: [DONE]") return ["[DONE]"];
      const chunk = JSON.parse(event.slice("data: ".length)) as { type: string; delta?: string };
      return chunk.type === "text-delta" ? [chunk.delta] : [chunk.type];
    });
  return { writes, writer: () => writer, read, deltasOf, finish: () => finish(), end };
}

describe("the answer's event stream", () => {
  it("sends each read's chunks in one write, at once, while the server is not busy", async () => {
    const { writes, read, deltasOf, finish, end } = drivenStream(false);
    await read("a");
    await read("b", "c");
    await read("d");
    expect(writes.map(deltasOf)).toEqual([["a"], ["b", "c"], ["d"]]);
    finish();
    await end;
    expect(writes.map(deltasOf)).toEqual([["a"], ["b", "c"], ["d"], ["[DONE]"]]);
  });

  it("while busy, holds later deltas back to send them together, but never the first one or the rest", async () => {
    const { writes, writer, read, deltasOf, finish, end } = drivenStream(true);
    const started = performance.now();
    await read("a");
    expect(writes.map(deltasOf)).toEqual([["a"]]); // the first token leaves at once

    await read("b");
    await read("c");
    expect(writes).toHaveLength(1); // held
    await expect.poll(() => writes.length, { timeout: 5_000, interval: 5 }).toBe(2);
    expect(deltasOf(writes[1])).toEqual(["b", "c"]);
    expect(writes[1]!.at - started).toBeGreaterThanOrEqual(BUSY_HOLD_MS - 2);

    // Anything but a delta takes what is held with it, at once.
    await read("d");
    writer().write({ type: "finish-step" });
    await writer().drained();
    expect(deltasOf(writes[2])).toEqual(["d", "finish-step"]);
    finish();
    await end;
    expect(deltasOf(writes.at(-1))).toEqual(["[DONE]"]);
  });

  it("sends what is held when the answer ends", async () => {
    const { writes, read, deltasOf, finish, end } = drivenStream(true);
    await read("a");
    await read("b");
    finish();
    await end;
    expect(writes.map(deltasOf)).toEqual([["a"], ["b", "[DONE]"]]);
  });

  it("sends the stream's start with the answer's first read, or alone if that read is slow to come", async () => {
    const quick = drivenStream(false);
    quick.writer().write({ type: "start" });
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(quick.writes).toHaveLength(0);
    await quick.read("a");
    expect(quick.writes.map(quick.deltasOf)).toEqual([["start", "a"]]);

    const slow = drivenStream(false);
    const started = performance.now();
    slow.writer().write({ type: "start" });
    await expect.poll(() => slow.writes.length, { timeout: 5_000, interval: 5 }).toBe(1);
    expect(slow.deltasOf(slow.writes[0])).toEqual(["start"]);
    expect(slow.writes[0]!.at - started).toBeGreaterThanOrEqual(START_HOLD_MS - 2);
    await slow.read("a");
    expect(slow.writes.map(slow.deltasOf)).toEqual([["start"], ["a"]]);
    for (const stream of [quick, slow]) {
      stream.finish();
      await stream.end;
    }
  });
});
