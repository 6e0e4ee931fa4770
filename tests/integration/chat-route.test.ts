import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { POST } from "@/app/api/chat/route";
import { MAX_CHAT_BODY_BYTES } from "@/lib/chat/limits";
import type { ChatRequest } from "@/lib/chat/request";
import { defaultParameters } from "@/lib/workspace/model";
import { startFakeMistral, type FakeMistral } from "../fake-mistral/server.ts";

const SERVER_KEY = "server-secret-key-123";
let fake: FakeMistral;

beforeAll(async () => {
  fake = await startFakeMistral();
  vi.stubEnv("MISTRAL_BASE_URL", fake.url);
});
afterAll(async () => {
  vi.unstubAllEnvs();
  await fake.close();
});
beforeEach(() => {
  fake.reset();
  vi.stubEnv("MISTRAL_API_KEY", SERVER_KEY);
});

// The workspace defaults, with the seed's temperature; no tools, plain text.
const parameters: ChatRequest["parameters"] = {
  ...defaultParameters,
  temperature: 0,
  tools: [],
  responseFormat: { type: "text" },
  prediction: null,
  promptMode: null,
};

const seed: ChatRequest = {
  messages: [
    {
      role: "system",
      content: "You are a helpful assistant that translates English to French. Translate the user sentence.",
    },
    { role: "user", content: "I love programming." },
  ],
  parameters,
};

function post(body: unknown, headers: Record<string, string> = {}, signal?: AbortSignal) {
  return POST(
    new Request("http://localhost/api/chat", {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body: typeof body === "string" ? body : JSON.stringify(body),
      signal,
    }),
  );
}

type Chunk = { type: string; [key: string]: any };

async function events(response: Response): Promise<Chunk[]> {
  const text = await response.text();
  return text
    .split("\n\n")
    .filter((event) => event.startsWith("data: ") && event !== "data: [DONE]")
    .map((event) => JSON.parse(event.slice("data: ".length)) as Chunk);
}

function metadataOf(chunks: Chunk[]) {
  return Object.assign({}, ...chunks.map((c) => c.messageMetadata ?? {}));
}

describe("POST /api/chat", () => {
  it("streams the seed answer with the usage and metadata Mistral reported", async () => {
    fake.script({
      content: "J'adore la programmation.",
      usage: { prompt_tokens: 34, completion_tokens: 100, total_tokens: 134 },
    });
    const response = await post(seed);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/event-stream");
    expect(response.headers.get("cache-control")).toContain("no-transform");

    const chunks = await events(response);
    const text = chunks
      .filter((c) => c.type === "text-delta")
      .map((c) => c.delta)
      .join("");
    expect(text).toBe("J'adore la programmation.");
    const metadata = metadataOf(chunks);
    expect(metadata).toMatchObject({
      model: "mistral-large-latest",
      finishReason: "stop",
      usage: { promptTokens: 34, completionTokens: 100, totalTokens: 134 },
    });
    expect(metadata.responseId).toMatch(/^[0-9a-f]{32}$/);
    expect(metadata.timeToFirstTokenMs).toBeGreaterThan(0);
    expect(metadata.durationMs).toBeGreaterThanOrEqual(metadata.timeToFirstTokenMs);

    const [request] = fake.requests;
    expect(request?.headers.authorization).toBe(`Bearer ${SERVER_KEY}`);
    expect(request?.body).toMatchObject({ model: "mistral-large-latest", temperature: 0, stream: true });
  });

  it("streams the default translation when nothing is scripted", async () => {
    const chunks = await events(await post(seed));
    expect(
      chunks
        .filter((c) => c.type === "text-delta")
        .map((c) => c.delta)
        .join(""),
    ).toBe("J'adore la programmation.");
    expect(chunks.filter((c) => c.type === "text-delta").length).toBeGreaterThan(1);
  });

  it("maps every parameter to Mistral's field", async () => {
    await events(
      await post({
        ...seed,
        parameters: {
          ...parameters,
          temperature: 0.7,
          maxTokens: 64,
          topP: 0.9,
          randomSeed: 42,
          stop: ["END"],
          safePrompt: true,
        },
      }),
    );
    expect(fake.requests[0]?.body).toMatchObject({
      temperature: 0.7,
      max_tokens: 64,
      top_p: 0.9,
      random_seed: 42,
      stop: ["END"],
      safe_prompt: true,
    });
    expect(fake.requests[0]?.status).toBe(200);
  });

  it("continues a trailing assistant message with prefix: true", async () => {
    await events(await post({ ...seed, messages: [...seed.messages, { role: "assistant", content: "J'" }] }));
    const body = fake.requests[0]?.body as { messages: unknown[] };
    expect(body.messages.at(-1)).toEqual({ role: "assistant", content: "J'", prefix: true });
    expect(fake.requests[0]?.status).toBe(200);
  });

  it("refuses out-of-range parameters with a 400 naming the field, without calling Mistral", async () => {
    const response = await post({ ...seed, parameters: { ...parameters, temperature: 1.6 } });
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.error.code).toBe("invalid_request");
    expect(body.error.message).toContain("parameters.temperature");
    expect(fake.requests).toHaveLength(0);
  });

  it("refuses a conversation Mistral would reject", async () => {
    const response = await post({ ...seed, messages: [{ role: "system", content: "Only a system message" }] });
    expect(response.status).toBe(400);
    expect((await response.json()).error.message).toContain("Add a user message");
  });

  it("answers 400 for a body that is not JSON and 413 for one over the limit", async () => {
    expect((await post("{not json")).status).toBe(400);
    const huge = { ...seed, messages: [{ role: "user", content: "x".repeat(MAX_CHAT_BODY_BYTES) }] };
    const response = await post(huge);
    expect(response.status).toBe(413);
    expect((await response.json()).error.code).toBe("too_large");
  });

  it("says how to give a key when there is none", async () => {
    vi.stubEnv("MISTRAL_API_KEY", "");
    const response = await post(seed);
    expect(response.status).toBe(401);
    const body = await response.json();
    expect(body.error.code).toBe("no_api_key");
    expect(body.error.message).toContain("MISTRAL_API_KEY");
  });

  it("uses the user's key when given, and never writes any key to the log or the answer", async () => {
    const logged: string[] = [];
    const capture = (...args: unknown[]) => void logged.push(args.map(String).join(" "));
    const spies = (["log", "warn", "error", "info"] as const).map((level) =>
      vi.spyOn(console, level).mockImplementation(capture),
    );
    try {
      const userKey = "bad-user-key-456";
      const response = await post(seed, { "x-mistral-api-key": userKey });
      const raw = await response.text();
      expect(fake.requests[0]?.headers.authorization).toBe(`Bearer ${userKey}`);
      expect(raw).toContain('\\"code\\":\\"invalid_api_key\\"');
      for (const secret of [userKey, SERVER_KEY]) {
        expect(raw).not.toContain(secret);
        expect(logged.join("\n")).not.toContain(secret);
      }
    } finally {
      for (const spy of spies) spy.mockRestore();
    }
  });

  it("retries a 429 with backoff and then streams", async () => {
    fake.setFault({ kind: "rate_limit", times: 1, retryAfterSeconds: 0 });
    const chunks = await events(await post(seed));
    expect(chunks.some((c) => c.type === "text-delta")).toBe(true);
    expect(fake.requests.map((r) => r.status)).toEqual([429, 200]);
  });

  it("stops after max retries with the rate-limit code", async () => {
    fake.setFault({ kind: "rate_limit", times: 5, retryAfterSeconds: 0 });
    const chunks = await events(await post({ ...seed, parameters: { ...parameters, maxRetries: 1 } }));
    const error = chunks.find((c) => c.type === "error");
    // Mistral's Retry-After is passed on, for a caller that retries later (Compare's case runs).
    expect(JSON.parse(error?.errorText)).toEqual({
      code: "rate_limited",
      detail: "Rate limit exceeded",
      retries: 1,
      retryAfterMs: 0,
    });
    expect(fake.requests).toHaveLength(2);
  });

  it("reports a stream cut mid-way as interrupted after the text that arrived", async () => {
    fake.script({ chunks: ["one ", "two ", "three ", "four"] });
    fake.setFault({ kind: "cut_mid_stream", afterChunks: 3 });
    const chunks = await events(await post(seed));
    expect(
      chunks
        .filter((c) => c.type === "text-delta")
        .map((c) => c.delta)
        .join(""),
    ).toBe("one two ");
    expect(JSON.parse(chunks.find((c) => c.type === "error")?.errorText).code).toBe("interrupted");
  });

  it("aborts the upstream call when the browser goes away", async () => {
    fake.script({ chunks: Array.from({ length: 50 }, (_, i) => `w${i} `) });
    fake.setFault({ kind: "slow", chunkDelayMs: 50 });
    const controller = new AbortController();
    const response = await post(seed, {}, controller.signal);
    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    for (let seen = ""; !seen.includes('"text-delta"');) {
      const { value, done } = await reader.read();
      if (done) throw new Error("the stream ended before any text");
      seen += decoder.decode(value, { stream: true });
    }
    controller.abort();
    await reader.cancel().catch(() => undefined);
    await vi.waitFor(() => expect(fake.requests[0]).toMatchObject({ aborted: true }), { timeout: 3000 });
  });
});
