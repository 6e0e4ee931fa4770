import { readdirSync, readFileSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { createMistral } from "@ai-sdk/mistral";
import { APICallError, JSONParseError, TypeValidationError } from "ai";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { streamMistralChat } from "@/lib/mistral/chat-stream";
import { toChatFailure } from "@/lib/mistral/errors";
import { nodeFetch } from "@/lib/mistral/node-fetch";
import type { MistralChatModel, StreamPart } from "@/lib/mistral/stream-parser";
import { startFakeMistral, type FakeMistral } from "../fake-mistral/server.ts";
import { chat, user, weatherTool } from "../fake-mistral/test-helpers.ts";

/**
 * `streamMistralChat` parses Mistral's answer itself; `@ai-sdk/mistral`'s `doStream` is the
 * reference. Every real stream recorded in tests/fake-mistral/recorded/ and every kind of
 * stream the fake Mistral server writes goes byte for byte to both, whole and cut at awkward
 * places, and both must give the same parts, the same errors and send the same request.
 */
const RECORDED = path.resolve(__dirname, "../fake-mistral/recorded");
const BASE_URL = "http://mistral.test/v1";
type CallOptions = Parameters<MistralChatModel["doStream"]>[0];
const callOptions: CallOptions = { prompt: [{ role: "user", content: [{ type: "text", text: "Hi" }] }] };

/** An SSE body as Mistral writes it: one `data:` event per payload, then `[DONE]`. */
const sse = (payloads: string[]) => `${payloads.map((payload) => `data: ${payload}\n\n`).join("")}data: [DONE]\n\n`;

/** The SSE bodies of the recordings: verbatim streams, and `data:` payloads one per line. */
function recordedBodies(): [string, string][] {
  const bodies: [string, string][] = [];
  for (const file of readdirSync(RECORDED).filter((name) => name.includes("."))) {
    const text = readFileSync(path.join(RECORDED, file), "utf8");
    if (file.includes("_stream_")) bodies.push([file, text]);
    else if (file.endsWith(".chunks.txt")) bodies.push([file, sse(text.trim().split("\n"))]);
    else if (file.endsWith("-chunks.txt"))
      // Single terminal chunks quoted in third-party tests (comment lines start with #), one stream each.
      text
        .split("\n")
        .filter((line) => line.startsWith("{"))
        .forEach((line, i) => bodies.push([`${file} #${i + 1}`, sse([line])]));
    else if (file.endsWith("-streaming.md"))
      for (const [, block] of text.matchAll(/```\w*\n([\s\S]*?)```/g))
        if (block!.startsWith("data: ")) bodies.push([`${file} (verbatim block)`, block!]);
  }
  return bodies;
}

/** What the fake Mistral server streams for each kind of answer. */
async function fakeBodies(fake: FakeMistral): Promise<[string, string][]> {
  const stream = async (label: string, body: Record<string, unknown>): Promise<[string, string]> => {
    const response = await chat(fake, { model: "mistral-small-latest", stream: true, ...body });
    expect(response.status, label).toBe(200);
    return [`fake: ${label}`, await response.text()];
  };
  const ask = [user("What is the weather in Paris?")];
  const bodies: [string, string][] = [];
  fake.script({ content: "Grüße 👋 — naïve café, 你好! Ça va? 🇫🇷" });
  bodies.push(await stream("text with multi-byte characters", { messages: ask }));
  bodies.push(await stream("thinking (Magistral)", { model: "magistral-medium-latest", messages: ask }));
  bodies.push(
    await stream("thinking (reasoning_effort)", {
      model: "mistral-medium-3-5",
      reasoning_effort: "high",
      messages: ask,
    }),
  );
  bodies.push(await stream("tool call", { messages: ask, tools: [weatherTool], tool_choice: "any" }));
  fake.script({
    toolCalls: [
      { name: "get_weather", arguments: '{"city":"Paris"}' },
      { id: "Zx81mNq2b", name: "get_weather", arguments: '{"city":"Zürich"}' },
    ],
  });
  bodies.push(await stream("two tool calls", { messages: ask, tools: [weatherTool] }));
  const schema = { type: "object", properties: { city: { type: "string" } }, required: ["city"] };
  bodies.push(
    await stream("JSON schema", {
      messages: ask,
      response_format: { type: "json_schema", json_schema: { name: "city", schema } },
    }),
  );
  bodies.push(await stream("JSON object", { messages: ask, response_format: { type: "json_object" } }));
  fake.script({
    content: "Cut short",
    finishReason: "length",
    usage: { prompt_tokens: 9, completion_tokens: 2, total_tokens: 11 },
  });
  bodies.push(await stream("usage and length", { messages: ask }));
  return bodies;
}

/** A `fetch` answering every call with `status` and the body in `pieces`, one read each. */
function replying(pieces: Uint8Array[] | (() => ReadableStream<Uint8Array>), status = 200) {
  const requests: { url: string; init: RequestInit | undefined }[] = [];
  const fetch: typeof globalThis.fetch = async (input, init) => {
    requests.push({ url: String(input), init });
    let next = 0;
    const body =
      typeof pieces === "function"
        ? pieces()
        : new ReadableStream<Uint8Array>({
            pull(controller) {
              if (next < pieces.length) controller.enqueue(pieces[next++]!);
              else controller.close();
            },
          });
    const contentType = status === 200 ? "text/event-stream" : "application/json";
    return new Response(body, { status, headers: { "content-type": contentType } });
  };
  return { fetch, requests };
}

type Outcome = { parts: StreamPart[]; error?: unknown };

async function viaProvider(fetch: typeof globalThis.fetch, options = callOptions): Promise<Outcome> {
  const parts: StreamPart[] = [];
  try {
    const model = createMistral({ apiKey: "test-key", baseURL: BASE_URL, fetch }).chat("mistral-small-latest");
    const { stream } = await model.doStream(options);
    const reader = stream.getReader();
    for (let read = await reader.read(); !read.done; read = await reader.read()) parts.push(read.value);
  } catch (error) {
    return { parts, error };
  }
  return { parts };
}

async function viaParser(fetch: typeof globalThis.fetch, options = callOptions): Promise<Outcome> {
  const parts: StreamPart[] = [];
  try {
    const model = createMistral({ apiKey: "test-key", baseURL: BASE_URL, fetch }).chat("mistral-small-latest");
    await (await streamMistralChat(model, options)).forEach((batch) => void parts.push(...batch));
  } catch (error) {
    return { parts, error };
  }
  return { parts };
}

/** Errors by what the app reads of them; ids the provider generates (absent from the body) numbered. */
function normalised(parts: StreamPart[], body: string): unknown[] {
  const generated = new Map<string, string>();
  const idOf = (id: string) =>
    body.includes(`"${id}"`) ? id : (generated.get(id) ?? generated.set(id, `generated-${generated.size}`).get(id));
  return parts.map((part) => {
    if (part.type === "error") return { type: "error", error: errorShape(part.error) };
    if ("toolCallId" in part) return { ...part, toolCallId: idOf(part.toolCallId) };
    if (part.type.startsWith("reasoning-") || part.type.startsWith("tool-input-"))
      return { ...part, id: idOf((part as { id: string }).id) };
    return part;
  });
}

function errorShape(error: unknown) {
  if (JSONParseError.isInstance(error)) return { name: error.name, text: error.text };
  if (TypeValidationError.isInstance(error)) return { name: error.name, value: error.value };
  if (APICallError.isInstance(error)) {
    const { message, statusCode, responseBody, data, url, requestBodyValues, responseHeaders } = error;
    const cause = error.cause instanceof Error ? error.cause.message : error.cause;
    return {
      name: error.name,
      message,
      statusCode,
      responseBody,
      data,
      url,
      requestBodyValues,
      responseHeaders,
      cause,
    };
  }
  return error instanceof Error ? { name: error.name, message: error.message } : error;
}

const encoder = new TextEncoder();

/** A body that sends `text`, then fails as undici's does when the connection drops. */
function cutAfter(text: string): ReadableStream<Uint8Array> {
  let sent = false;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent) controller.error(new TypeError("terminated", { cause: new Error("other side closed") }));
      else controller.enqueue(encoder.encode(text));
      sent = true;
    },
  });
}

/** The body whole, byte by byte, in 7-byte reads (mid-line) and cut inside every multi-byte character. */
function splits(body: string): [string, Uint8Array[]][] {
  const bytes = encoder.encode(body);
  const cuts = (at: number[]) => {
    let start = 0;
    return [...at, bytes.length].map((end) => bytes.slice(start, (start = end)));
  };
  const midCharacter = [...bytes.keys()].filter((i) => i > 0 && (bytes[i]! & 0xc0) === 0x80);
  const everyByte = [...bytes.keys()].slice(1);
  const sevens = everyByte.filter((i) => i % 7 === 0);
  return [
    ["whole", [bytes]],
    ["byte by byte", cuts(everyByte)],
    ["7-byte reads", cuts(sevens)],
    ["cut inside characters", cuts(midCharacter)],
  ];
}

async function expectSameParts(body: string, pieces: Uint8Array[]) {
  const provider = await viaProvider(replying(pieces).fetch);
  const parser = await viaParser(replying(pieces).fetch);
  expect(normalised(parser.parts, body)).toEqual(normalised(provider.parts, body));
  expect(errorShape(parser.error)).toEqual(errorShape(provider.error));
  return parser;
}

let fake: FakeMistral;
let bodies: [string, string][];
beforeAll(async () => {
  fake = await startFakeMistral();
  bodies = [...recordedBodies(), ...(await fakeBodies(fake))];
});
afterAll(() => fake.close());

describe("the parser against @ai-sdk/mistral's doStream", () => {
  it("covers every recorded stream and the fake's kinds of answer", () => {
    const names = bodies.map(([name]) => name);
    for (const file of readdirSync(RECORDED).filter((f) => /\.chunks\.txt$|_stream_/.test(f)))
      expect(names).toContain(file);
    expect(names.some((n) => n.startsWith("mlai-mistral-streaming.md"))).toBe(true);
    expect(bodies.length).toBeGreaterThanOrEqual(17);
  });

  it("gives the same parts for every stream, however the body is cut into reads", async () => {
    let multiByte = 0;
    for (const [name, body] of bodies) {
      for (const [how, pieces] of splits(body)) {
        const { parts, error } = await expectSameParts(body, pieces).catch((failure: Error) => {
          throw new Error(`${name}, ${how}: ${failure.message}`);
        });
        expect(error, `${name}, ${how}`).toBeUndefined();
        expect(parts.at(-1)?.type, `${name}, ${how}`).toBe("finish");
        if (how === "cut inside characters" && pieces.length > 1) multiByte += 1;
      }
      // CRLF line ends, split between CR and LF too.
      const crlf = body.replace(/\n/g, "\r\n");
      for (const [how, pieces] of splits(crlf).slice(0, 3))
        await expectSameParts(crlf, pieces).catch((failure: Error) => {
          throw new Error(`${name} with CRLF, ${how}: ${failure.message}`);
        });
    }
    expect(multiByte).toBeGreaterThanOrEqual(2);
  });

  it("an empty body: the stream's start, then an interrupted finish without usage", async () => {
    const { parts } = await expectSameParts("", []);
    expect(parts.map((p) => p.type)).toEqual(["stream-start", "finish"]);
    expect(parts[1]).toMatchObject({ finishReason: { unified: "interrupted" } });
  });

  it("a malformed JSON line or an unexpected chunk is an error part, and the stream goes on", async () => {
    const [, text] = bodies.find(([name]) => name === "vercel-ai_mistral-text.chunks.txt")!;
    const events = text.split("\n\n");
    const broken = [
      ...events.slice(0, 2),
      'data: {"id":"x","choices":[{"index":0,"delta":{"content":"a"}',
      ...events.slice(2, 4),
      'data: {"choices":[{"index":0,"delta":{"content":5}}]}',
      'data: {"choices":[{"index":0,"delta":{"role":null,"content":"b"}}]}',
      'data: {"choices":[{"index":0,"delta":{"content":[{"type":"image_url","image_url":{"url":"u"}}]}}]}',
      'data: {"choices":[{"index":0,"delta":{"content":[{"type":"audio","text":"c"}]}}]}',
      'data: {"choices":[{"index":0,"delta":{"content":[{"type":"reference","reference_ids":[1,"2"]}]}}]}',
      'data: {"choices":[{"delta":{"content":"no index"}}]}',
      'data: {"choices":[{"index":0,"delta":{"tool_calls":[{"id":"t","function":null}]}}]}',
      'data: {"choices":[{"index":0,"delta":{}}],"usage":{"prompt_tokens":1,"completion_tokens":"2","total_tokens":3}}',
      'data: {"__proto__":{"x":1},"choices":[{"index":0,"delta":{"content":"d"}}]}',
      'data: {"choices":[{"index":0,"delta":{"content":"e"}}],"\\u005f_proto__":{"x":1}}',
      'data: {"choices":[{"index":0,"delta":{"content":"caf\\u00e9"}}]}',
      ...events.slice(4),
    ].join("\n\n");
    for (const [how, pieces] of splits(broken).slice(0, 3)) {
      const { parts } = await expectSameParts(broken, pieces).catch((failure: Error) => {
        throw new Error(`${how}: ${failure.message}`);
      });
      expect(parts.filter((p) => p.type === "error").length).toBe(10);
    }
  });

  it("rarer SSE forms: comments, other fields, several data lines, no space, an unended event", async () => {
    const body = [
      ": keep-alive\n\nevent: message\nid: 1\nretry: 10\n",
      'data:{"choices":[{"index":0,\r\ndata: "delta":{"content":"a"}}]}\r\n\r\n',
      'data\n\ndata: {"choices":[{"index":0,"delta":{"content":"b"},"finish_reason":"stop"}]}\r\n\r\n',
      'data: {"choices":[]}',
    ].join("");
    for (const [, pieces] of splits(body)) await expectSameParts(body, pieces);
  });

  it("a body cut mid-answer throws the provider's error, with the status of the answer", async () => {
    const [, text] = bodies.find(([name]) => name.startsWith("mistral-large-latest_stream_"))!;
    const cut = () => cutAfter(text.slice(0, 900));
    const provider = await viaProvider(replying(cut).fetch);
    const parser = await viaParser(replying(cut).fetch);
    expect(errorShape(parser.error)).toEqual(errorShape(provider.error));
    expect(toChatFailure(parser.error)).toEqual(toChatFailure(provider.error));
    expect(toChatFailure(parser.error).detail).toBe("the connection to Mistral was cut");
    expect(parser.parts.filter((p) => p.type === "text-delta").length).toBeGreaterThan(0);
  });

  it("a caller that stops reading before the end closes the connection", async () => {
    let cancelled = false;
    const endless = () =>
      new ReadableStream<Uint8Array>({
        pull: (controller) =>
          controller.enqueue(encoder.encode('data: {"choices":[{"index":0,"delta":{"content":"a"}}]}\n\n')),
        cancel: () => void (cancelled = true),
      });
    const model = createMistral({ apiKey: "test-key", baseURL: BASE_URL, fetch: replying(endless).fetch });
    const stop = new Error("The caller stopped reading.");
    const answer = await streamMistralChat(model.chat("mistral-small-latest"), callOptions);
    await expect(
      answer.forEach((batch) => {
        expect(batch.map((part) => part.type)).toContain("text-delta");
        throw stop;
      }),
    ).rejects.toBe(stop);
    expect(cancelled).toBe(true);
  });

  it("a chunk without a choice fails the stream as the provider's does", async () => {
    const body = 'data: {"id":"a","choices":[]}\n\n';
    const provider = await viaProvider(replying([encoder.encode(body)]).fetch);
    const parser = await viaParser(replying([encoder.encode(body)]).fetch);
    expect(provider.error).toBeInstanceOf(TypeError);
    expect(parser.error).toBeInstanceOf(TypeError);
  });

  it("sends the provider's request: URL, headers and body (tools, choice, format, options)", async () => {
    const options: CallOptions = {
      ...callOptions,
      temperature: 0.3,
      maxOutputTokens: 50,
      stopSequences: ["END"],
      tools: [
        {
          type: "function",
          name: "get_weather",
          description: "Weather",
          inputSchema: { type: "object", properties: { city: { type: "string" } }, required: ["city"] },
        },
      ],
      toolChoice: { type: "required" },
      responseFormat: { type: "json", schema: { type: "object" }, name: "answer" },
      providerOptions: { mistral: { safePrompt: true, parallelToolCalls: false } },
    };
    const provider = replying([]);
    const parser = replying([]);
    await viaProvider(provider.fetch, options);
    await viaParser(parser.fetch, options);
    const request = ({ url, init }: (typeof provider.requests)[number]) => ({
      url,
      method: init?.method,
      headers: init?.headers,
      body: JSON.parse(String(init?.body)),
    });
    expect(parser.requests.map(request)).toEqual(provider.requests.map(request));
    expect(JSON.parse(String(parser.requests[0]!.init?.body))).toMatchObject({ stream: true, tool_choice: "any" });
  });
});

describe("Mistral's error answers", () => {
  const errorFiles = readdirSync(path.join(RECORDED, "errors")).filter((f) => f.endsWith(".json"));

  it.each(errorFiles)("%s: the same APICallError as the provider's", async (file) => {
    const body = readFileSync(path.join(RECORDED, "errors", file), "utf8");
    const status = Number(file.slice(0, 3));
    const answer = () => replying(() => new Response(body).body!, status).fetch;
    const provider = await viaProvider(answer());
    const parser = await viaParser(answer());
    expect(APICallError.isInstance(parser.error)).toBe(true);
    expect(errorShape(parser.error)).toEqual(errorShape(provider.error));
    expect((parser.error as APICallError).isRetryable).toBe((provider.error as APICallError).isRetryable);
    expect(toChatFailure(parser.error)).toEqual(toChatFailure(provider.error));
  });
});

/**
 * Through `nodeFetch`, `streamMistralChat` reads the answer straight from Node's stream
 * (`DirectBody`), not through the `Response` body: the same parts must come out, over a real
 * socket, whatever the network reads.
 */
describe("the parser reading Node's stream (nodeFetch)", () => {
  type Script = (response: http.ServerResponse, request: http.IncomingMessage) => Promise<void> | void;
  let script: Script = (response) => void response.end();
  let server: http.Server;
  let url: string;
  beforeAll(async () => {
    server = http.createServer((request, response) => {
      request.resume();
      response.writeHead(200, { "content-type": "text/event-stream" });
      void script(response, request);
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  /** Writes each piece in its own turn of the event loop, so that most arrive in reads of their own. */
  const writing =
    (pieces: Uint8Array[]): Script =>
    async (response) => {
      for (const piece of pieces) {
        response.write(piece);
        await new Promise(setImmediate);
      }
      response.end();
    };
  const overNode = async (options = callOptions) => {
    const parts: StreamPart[] = [];
    const model = createMistral({ apiKey: "test-key", baseURL: url, fetch: nodeFetch }).chat("mistral-small-latest");
    try {
      await (await streamMistralChat(model, options)).forEach((batch) => void parts.push(...batch));
    } catch (error) {
      return { parts, error };
    }
    return { parts };
  };

  it("gives the provider's parts for every stream, whole and in 7-byte reads", async () => {
    for (const [name, body] of bodies) {
      for (const [how, pieces] of splits(body).filter(([how]) => how === "whole" || how === "7-byte reads")) {
        script = writing(pieces);
        const ours = await overNode();
        const provider = await viaProvider(replying(pieces).fetch);
        expect(ours.error, `${name}, ${how}`).toBeUndefined();
        expect(normalised(ours.parts, body), `${name}, ${how}`).toEqual(normalised(provider.parts, body));
      }
    }
  });

  it("a reader slower than the stream (the browser behind) loses nothing and keeps the order", async () => {
    const deltas = Array.from({ length: 300 }, (_, i) => `w${i} `);
    script = (response) =>
      void response.end(sse(deltas.map((content) => JSON.stringify({ choices: [{ index: 0, delta: { content } }] }))));
    const model = createMistral({ apiKey: "test-key", baseURL: url, fetch: nodeFetch }).chat("mistral-small-latest");
    let text = "";
    await (
      await streamMistralChat(model, callOptions)
    ).forEach(async (batch) => {
      for (const part of batch) if (part.type === "text-delta") text += part.delta;
      await new Promise(setImmediate);
    });
    expect(text).toBe(deltas.join(""));
  });

  it("a connection cut mid-answer fails as the provider's stream does, after the text that came", async () => {
    const [, text] = bodies.find(([name]) => name.startsWith("mistral-large-latest_stream_"))!;
    script = async (response) => {
      response.write(text.slice(0, 900));
      await new Promise(setImmediate);
      response.socket?.destroy();
    };
    const ours = await overNode();
    const cut = () => cutAfter(text.slice(0, 900));
    const provider = await viaProvider(replying(cut).fetch);
    expect(toChatFailure(ours.error)).toEqual(toChatFailure(provider.error));
    expect(APICallError.isInstance(ours.error) && ours.error.message).toBe("Failed to process successful response");
    expect(ours.parts.filter((p) => p.type === "text-delta").length).toBeGreaterThan(0);
  });

  it("a caller that stops reading before the end closes the connection", async () => {
    let closed!: () => void;
    const connectionClosed = new Promise<void>((resolve) => (closed = resolve));
    script = async (response) => {
      response.on("close", closed);
      while (!response.destroyed) {
        response.write('data: {"choices":[{"index":0,"delta":{"content":"a"}}]}\n\n');
        await new Promise(setImmediate);
      }
    };
    const model = createMistral({ apiKey: "test-key", baseURL: url, fetch: nodeFetch }).chat("mistral-small-latest");
    const stop = new Error("The caller stopped reading.");
    const answer = await streamMistralChat(model, callOptions);
    await expect(
      answer.forEach((batch) => {
        expect(batch.map((part) => part.type)).toContain("text-delta");
        return Promise.reject(stop);
      }),
    ).rejects.toBe(stop);
    await connectionClosed;
  });
});

/**
 * The app's own call (`streamMistralChat` with `direct`): the request goes straight over
 * `node:http`, without `postJsonToApi` or a `Response`. It must send what the provider sends and
 * fail as the provider does.
 */
describe("the direct call over node:http", () => {
  type Seen = { method?: string; path?: string; headers: http.IncomingHttpHeaders; body: string };
  let answer: (response: http.ServerResponse) => void = (response) => void response.end();
  let seen: Seen[] = [];
  let server: http.Server;
  let url: string;
  beforeAll(async () => {
    server = http.createServer((request, response) => {
      let body = "";
      request.setEncoding("utf8");
      request.on("data", (part: string) => (body += part));
      request.on("end", () => {
        seen.push({ method: request.method, path: request.url, headers: request.headers, body });
        answer(response);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });
  beforeEach(() => {
    seen = [];
  });

  const direct = async (options = callOptions, baseURL = url) => {
    const parts: StreamPart[] = [];
    const model = createMistral({ apiKey: "test-key", baseURL, fetch: nodeFetch }).chat("mistral-small-latest");
    try {
      const answerParts = await streamMistralChat(model, options, { wireFields: { prompt_mode: "reasoning" } });
      await answerParts.forEach((batch) => void parts.push(...batch));
    } catch (error) {
      return { parts, error };
    }
    return { parts };
  };

  it("sends the provider's request, with the wire fields in the body", async () => {
    const options: CallOptions = {
      ...callOptions,
      temperature: 0.3,
      tools: [{ type: "function", name: "get_weather", description: "Weather", inputSchema: { type: "object" } }],
      toolChoice: { type: "required" },
      providerOptions: { mistral: { safePrompt: true } },
    };
    answer = (response) => void response.writeHead(200, { "content-type": "text/event-stream" }).end(sse([]));
    const provider = replying([]);
    await viaProvider(provider.fetch, options);
    expect((await direct(options)).error).toBeUndefined();

    const sent = provider.requests[0]!;
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({ method: sent.init?.method, path: "/v1/chat/completions" });
    const providerHeaders = sent.init?.headers as Record<string, string>;
    expect(Object.keys(providerHeaders).length).toBeGreaterThanOrEqual(3);
    for (const [name, value] of Object.entries(providerHeaders)) expect(seen[0]!.headers[name], name).toBe(value);
    expect(JSON.parse(seen[0]!.body)).toEqual({ ...JSON.parse(String(sent.init?.body)), prompt_mode: "reasoning" });
  });

  it("gives the provider's parts", async () => {
    const [, body] = bodies.find(([name]) => name.startsWith("mistral-large-latest_stream_"))!;
    answer = (response) => void response.writeHead(200, { "content-type": "text/event-stream" }).end(body);
    const ours = await direct();
    const provider = await viaProvider(replying([encoder.encode(body)]).fetch);
    expect(ours.error).toBeUndefined();
    expect(normalised(ours.parts, body)).toEqual(normalised(provider.parts, body));
  });

  const errorFiles = readdirSync(path.join(RECORDED, "errors")).filter((f) => f.endsWith(".json"));
  /** What `@ai-sdk/mistral`'s own `doStream` throws, through `nodeFetch`, for the same answer. */
  const providerError = async (baseURL = url) => {
    const model = createMistral({ apiKey: "test-key", baseURL, fetch: nodeFetch }).chat("mistral-small-latest");
    return model.doStream(callOptions).then(
      () => undefined,
      (error: unknown) => error,
    );
  };
  /** An error as the app reads it; the body sent differs by the wire fields, which only ours writes. */
  const comparable = (error: unknown) => {
    const { requestBodyValues: _sent, responseHeaders, ...shape } = errorShape(error) as Record<string, unknown>;
    const { date: _, ...headers } = (responseHeaders ?? {}) as Record<string, string>;
    return { shape, headers, isRetryable: (error as APICallError).isRetryable, failure: toChatFailure(error) };
  };

  it.each(errorFiles)("%s: the provider's APICallError", async (file) => {
    const body = readFileSync(path.join(RECORDED, "errors", file), "utf8");
    const status = Number(file.slice(0, 3));
    const retryAfter: Record<string, string> = status === 429 ? { "retry-after": "7" } : {};
    answer = (response) =>
      void response.writeHead(status, { "content-type": "application/json", ...retryAfter }).end(body);
    const ours = await direct();
    const provider = await providerError();
    expect(APICallError.isInstance(ours.error)).toBe(true);
    expect(comparable(ours.error)).toEqual(comparable(provider));
    expect((ours.error as APICallError).requestBodyValues).toMatchObject({ prompt_mode: "reasoning" });
  });

  it("a server that cannot be reached fails as postJsonToApi fails through nodeFetch: retryable", async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const closedUrl = `http://127.0.0.1:${(closed.address() as AddressInfo).port}/v1`;
    await new Promise((resolve) => closed.close(resolve));
    const ours = await direct(callOptions, closedUrl);
    expect(APICallError.isInstance(ours.error)).toBe(true);
    expect((ours.error as APICallError).message).toMatch(/^Cannot connect to API: /);
    expect((ours.error as APICallError).isRetryable).toBe(true);
    expect(comparable(ours.error)).toEqual(comparable(await providerError(closedUrl)));
  });
});
