import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import { startFakeMistral } from "./server.ts";
import { chat, readTimed, ssePayloads, user, type Json } from "./test-helpers.ts";

const fake = await startFakeMistral();
afterAll(() => fake.close());
beforeEach(() => fake.reset());

const request = (stream = true) => ({
  model: "mistral-small-latest",
  stream,
  messages: [user("one two three four five")],
});

describe("faults", () => {
  it("rate_limit answers the real 429 the given number of times, then recovers", async () => {
    fake.setFault({ kind: "rate_limit", times: 2, retryAfterSeconds: 3 });
    for (let i = 0; i < 2; i++) {
      const res = await chat(fake, request(false));
      expect(res.status).toBe(429);
      expect(res.headers.get("content-type")).toBe("application/json");
      expect(res.headers.get("retry-after")).toBe("3");
      expect(res.headers.get("x-ratelimit-remaining-req-minute")).toBe("0");
      expect(res.headers.get("x-ratelimit-limit-req-minute")).toBe("720");
      expect(await res.json()).toEqual({
        object: "error",
        message: "Rate limit exceeded",
        type: "rate_limited",
        param: null,
        code: "1300",
        raw_status_code: 429,
      });
    }
    expect((await chat(fake, request(false))).status).toBe(200);
  });

  it("rate_limit defaults to once and sends no Retry-After unless asked", async () => {
    fake.setFault({ kind: "rate_limit" });
    const limited = await chat(fake, request());
    expect(limited.status).toBe(429);
    expect(limited.headers.has("retry-after")).toBe(false);
    expect((await chat(fake, request())).status).toBe(200);
  });

  it("server_error answers JSON with the chosen status, once", async () => {
    fake.setFault({ kind: "server_error", status: 503 });
    const res = await chat(fake, request());
    expect(res.status).toBe(503);
    expect(res.headers.get("content-type")).toBe("application/json");
    expect(await res.json()).toMatchObject({ object: "error", raw_status_code: 503 });
    expect((await chat(fake, request())).status).toBe(200);
  });

  it("cut_mid_stream drops the connection after some chunks, without [DONE]", async () => {
    fake.setFault({ kind: "cut_mid_stream", afterChunks: 3 });
    const res = await chat(fake, request());
    expect(res.status).toBe(200);
    const { text, error } = await readTimed(res);
    expect(error).toBeInstanceOf(Error);
    expect(text).not.toContain("[DONE]");
    expect(ssePayloads(text)).toHaveLength(3);
    expect(fake.requests[0]).toMatchObject({ status: 200, cut: true, aborted: false });
  });

  it("slow delays the first chunk and spaces the others", async () => {
    fake.setFault({ kind: "slow", firstChunkDelayMs: 80, chunkDelayMs: 20 });
    const started = performance.now();
    const res = await chat(fake, request());
    const { text, arrivals } = await readTimed(res);
    const payloads = ssePayloads(text);
    expect(payloads.at(-1)).toBe("[DONE]");
    expect(arrivals[0]! - started).toBeGreaterThanOrEqual(75);
    // every payload after the first waits 20 ms; [DONE] follows the last one at once
    expect(arrivals.at(-1)! - started).toBeGreaterThanOrEqual(75 + 20 * (payloads.length - 2));
  });

  it("unauthorized answers 401 to a valid key on every /v1 route", async () => {
    fake.setFault({ kind: "unauthorized" });
    expect((await chat(fake, request())).status).toBe(401);
    expect((await fetch(`${fake.url}/models`, { headers: { authorization: "Bearer test-key" } })).status).toBe(401);
    fake.setFault(null);
    expect((await chat(fake, request())).status).toBe(200);
  });
});

describe("client abort", () => {
  it("stops writing, records aborted: true and keeps serving", async () => {
    fake.setFault({ kind: "slow", chunkDelayMs: 50 });
    const controller = new AbortController();
    const res = await chat(fake, request(), { signal: controller.signal });
    const reader = res.body!.getReader();
    const first = await reader.read();
    expect(new TextDecoder().decode(first.value)).toContain('"role":"assistant"');
    controller.abort();
    await vi.waitFor(() => expect(fake.requests[0]?.aborted).toBe(true), { timeout: 2000, interval: 10 });

    fake.setFault(null);
    const again = await chat(fake, request(false));
    expect(((await again.json()) as Json).choices[0].message.content).toBe("You said: one two three four five");
  });
});
