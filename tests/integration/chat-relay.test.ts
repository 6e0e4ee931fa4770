import { describe, expect, it, vi } from "vitest";
import { POST } from "@/app/api/chat/route";
import type { ChatRequest } from "@/lib/chat/request";
import { defaultParameters } from "@/lib/workspace/model";
import { withFakeMistral } from "./fake-mistral-server.ts";

/**
 * The relay writes, chunk for chunk, the UI message stream that `streamText(…).toUIMessageStream()`
 * wrote before it (the sequences below were recorded from that route): the browser's `useChat`
 * and the answer's status depend on which chunks arrive, and in which order.
 */
const fake = withFakeMistral("test-key");

type Chunk = { type: string; [key: string]: any };

const weather = {
  name: "get_weather",
  description: "Current weather in a city",
  parameters: { type: "object", properties: { city: { type: "string" } }, required: ["city"] },
};

function request(parameters: Partial<ChatRequest["parameters"]> = {}): ChatRequest {
  return {
    messages: [{ role: "user", content: "What's the weather in Paris? Use get_weather." }],
    parameters: {
      ...defaultParameters,
      maxRetries: 0,
      tools: [],
      responseFormat: { type: "text" },
      prediction: null,
      promptMode: null,
      ...parameters,
    },
  };
}

function post(body: ChatRequest, signal?: AbortSignal) {
  return POST(
    new Request("http://localhost/api/chat", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
      signal,
    }),
  );
}

async function chunksOf(response: Response): Promise<Chunk[]> {
  const raw = await response.text();
  expect(raw.endsWith("data: [DONE]\n\n")).toBe(true);
  return raw
    .split("\n\n")
    .filter((event) => event.startsWith("data: ") && event !== "data: [DONE]")
    .map((event) => JSON.parse(event.slice("data: ".length)) as Chunk);
}

/** Chunk types, with the metadata keys of each message-metadata chunk. */
const shape = (chunks: Chunk[]) =>
  chunks.map((c) => (c.type === "message-metadata" ? `metadata:${Object.keys(c.messageMetadata).join(",")}` : c.type));

const errorOf = (chunks: Chunk[]) => JSON.parse(chunks.find((c) => c.type === "error")?.errorText);

async function quietly<T>(run: () => Promise<T>): Promise<T> {
  const spy = vi.spyOn(console, "error").mockImplementation(() => undefined);
  try {
    return await run();
  } finally {
    spy.mockRestore();
  }
}

describe("the relay's UI message stream", () => {
  it("a text answer: start, step, text, first-token time, usage, duration", async () => {
    fake().script({ chunks: ["a ", "b"] });
    const response = await post(request());
    expect(response.headers.get("x-vercel-ai-ui-message-stream")).toBe("v1");
    const chunks = await chunksOf(response);
    expect(shape(chunks)).toEqual([
      "start",
      "start-step",
      "text-start",
      "text-delta",
      "metadata:timeToFirstTokenMs",
      "text-delta",
      "text-end",
      "metadata:model,responseId,finishReason,usage",
      "finish-step",
      "finish",
    ]);
    expect(chunks[0]).toMatchObject({ messageMetadata: { model: "mistral-large-latest" } });
    expect(chunks[0]?.messageId).toMatch(/^[A-Za-z0-9]{16}$/);
    expect(chunks.at(-1)).toMatchObject({ finishReason: "stop", messageMetadata: { durationMs: expect.any(Number) } });
  });

  it("a tool call: input start, delta and the parsed input, then the first-token time", async () => {
    const chunks = await chunksOf(await post(request({ tools: [weather] })));
    expect(shape(chunks)).toEqual([
      "start",
      "start-step",
      "tool-input-start",
      "tool-input-delta",
      "tool-input-available",
      "metadata:timeToFirstTokenMs",
      "metadata:model,responseId,finishReason,usage",
      "finish-step",
      "finish",
    ]);
    expect(chunks[2]).toEqual({ type: "tool-input-start", toolCallId: chunks[4]?.toolCallId, toolName: "get_weather" });
    expect(chunks[4]).toMatchObject({ toolName: "get_weather", input: { city: "example" } });
  });

  it("arguments that are not JSON: a tool-input-error keeping the model's text", async () => {
    fake().script({ toolCalls: [{ name: "get_weather", arguments: "not json" }] });
    const chunks = await chunksOf(await post(request({ tools: [weather] })));
    const failed = chunks.find((c) => c.type === "tool-input-error");
    expect(failed).toMatchObject({ toolName: "get_weather", input: "not json" });
    expect(JSON.parse(failed?.errorText).code).toBe("internal");
    expect(chunks.at(-1)).toMatchObject({ type: "finish", finishReason: "tool-calls" });
  });

  it("a tool called although the tool choice was none: withheld, and the step ends in an error", async () => {
    fake().script({ toolCalls: [{ name: "get_weather", arguments: '{"city":"Paris"}' }] });
    const chunks = await quietly(async () => chunksOf(await post(request({ tools: [weather], toolChoice: "none" }))));
    expect(shape(chunks)).toEqual([
      "start",
      "start-step",
      "error",
      "metadata:model,responseId,finishReason,usage",
      "finish-step",
      "finish",
    ]);
    expect(chunks.at(-1)?.finishReason).toBe("error");
  });

  it("no tool called although one was required: the text, then an error", async () => {
    fake().script({ content: "no tool" });
    const chunks = await quietly(async () => chunksOf(await post(request({ tools: [weather], toolChoice: "any" }))));
    expect(shape(chunks).slice(-5)).toEqual([
      "text-end",
      "error",
      "metadata:model,responseId,finishReason,usage",
      "finish-step",
      "finish",
    ]);
    expect(chunks.at(-1)?.finishReason).toBe("error");
  });

  it("a connection cut before any chunk: no step, so the browser keeps no empty answer", async () => {
    fake().setFault({ kind: "cut_mid_stream", afterChunks: 0 });
    const chunks = await quietly(async () => chunksOf(await post(request())));
    expect(shape(chunks)).toEqual(["start", "error"]);
    expect(errorOf(chunks)).toMatchObject({ code: "upstream_unavailable" });
  });

  it("a refused request after the start chunk: only the error", async () => {
    fake().setFault({ kind: "unauthorized" });
    const chunks = await quietly(async () => chunksOf(await post(request({ maxRetries: 2 }))));
    expect(shape(chunks)).toEqual(["start", "error"]);
    expect(errorOf(chunks)).toEqual({ code: "invalid_api_key", detail: "Unauthorized", retries: 0 });
    expect(fake().requests).toHaveLength(1);
  });
});

describe("retries and stopping", () => {
  it("waits as long as Retry-After says rather than the 2 s backoff", async () => {
    fake().setFault({ kind: "rate_limit", times: 1, retryAfterSeconds: 0 });
    const started = performance.now();
    const chunks = await chunksOf(await post(request({ maxRetries: 1 })));
    expect(performance.now() - started).toBeLessThan(1500);
    expect(chunks.some((c) => c.type === "text-delta")).toBe(true);
    expect(fake().requests.map((r) => r.status)).toEqual([429, 200]);
  });

  it("Stop during a Retry-After wait ends the answer without calling Mistral again", async () => {
    fake().setFault({ kind: "rate_limit", times: 1, retryAfterSeconds: 30 });
    const controller = new AbortController();
    const response = await post(request({ maxRetries: 1 }), controller.signal);
    await vi.waitFor(() => expect(fake().requests).toHaveLength(1));
    controller.abort();
    const chunks = await chunksOf(response);
    // The browser heard why it waits: Mistral's 429 and the wait it asked for.
    expect(shape(chunks)).toEqual(["start", "data-retry"]);
    expect(chunks[1]).toEqual({
      type: "data-retry",
      transient: true,
      data: { attempt: 2, attempts: 2, status: 429, retryAfterMs: 30_000 },
    });
    expect(fake().requests).toHaveLength(1);
  });

  it("a browser that stops reading cancels the upstream call", async () => {
    fake().script({ chunks: Array.from({ length: 50 }, (_, i) => `w${i} `) });
    fake().setFault({ kind: "slow", chunkDelayMs: 50 });
    const reader = (await post(request())).body!.getReader();
    const decoder = new TextDecoder();
    for (let seen = ""; !seen.includes('"text-delta"');) {
      const { value, done } = await reader.read();
      if (done) throw new Error("the stream ended before any text");
      seen += decoder.decode(value, { stream: true });
    }
    await reader.cancel();
    await vi.waitFor(() => expect(fake().requests[0]).toMatchObject({ aborted: true }), { timeout: 3000 });
  });
});
