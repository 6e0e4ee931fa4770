import { Ajv } from "ajv";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { countPromptTokens, startFakeMistral } from "./server.ts";
import { chat, ssePayloads, toolRoundTrip, user, weatherTool, type Json } from "./test-helpers.ts";

const fake = await startFakeMistral();
afterAll(() => fake.close());
beforeEach(() => fake.reset());

async function streamOf(body: Json): Promise<{ res: Response; raw: string; chunks: Json[] }> {
  const res = await chat(fake, { model: "mistral-small-latest", stream: true, ...body });
  const raw = await res.text();
  const payloads = ssePayloads(raw);
  expect(payloads.at(-1)).toBe("[DONE]");
  return { res, raw, chunks: payloads.slice(0, -1).map((p) => JSON.parse(p) as Json) };
}

const contentOf = (chunks: Json[]) => chunks.map((c) => c.choices[0].delta.content ?? "").join("");

describe("streamed chat completion (FACTS §3)", () => {
  it("frames a data-only SSE stream exactly like the real API", async () => {
    const { res, raw, chunks } = await streamOf({ messages: [user("Hello fake, how are you today?")] });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/event-stream");
    for (const payload of ssePayloads(raw).slice(0, -1)) expect(JSON.stringify(JSON.parse(payload))).toBe(payload);

    const [first, ...rest] = chunks;
    const last = rest.at(-1)!;
    expect(first!.choices).toEqual([{ index: 0, delta: { role: "assistant", content: "" }, finish_reason: null }]);
    for (const chunk of chunks.slice(0, -1)) {
      expect(chunk.choices[0]).toHaveProperty("finish_reason", null);
      expect(chunk).not.toHaveProperty("usage");
    }
    for (const chunk of rest.slice(0, -1)) expect(Object.keys(chunk.choices[0].delta)).toEqual(["content"]);
    expect(last.choices[0].finish_reason).toBe("stop");

    const ids = new Set(chunks.map((c) => c.id));
    expect(ids.size).toBe(1);
    expect([...ids][0]).toMatch(/^[0-9a-f]{32}$/);
    expect(new Set(chunks.map((c) => c.created)).size).toBe(1);
    expect(chunks.every((c) => c.model === "mistral-small-latest" && c.object === "chat.completion.chunk")).toBe(true);

    const text = contentOf(chunks);
    expect(text).toBe("You said: Hello fake, how are you today?");
    const pieces = rest.filter((c) => c.choices[0].delta.content !== "").length;
    expect(pieces).toBeGreaterThanOrEqual(5);
    expect(last.usage).toMatchObject({ completion_tokens: pieces });
    expect(last.usage.total_tokens).toBe(last.usage.prompt_tokens + last.usage.completion_tokens);
  });

  it("sends a whole tool call in the final chunk with finish_reason tool_calls and usage", async () => {
    fake.script({ toolCalls: [{ name: "get_weather", arguments: '{"city": "Paris"}' }] });
    const { chunks } = await streamOf({ messages: [user("Weather in Paris?")], tools: [weatherTool] });
    expect(chunks).toHaveLength(2);
    const final = chunks[1]!;
    expect(final.choices[0].finish_reason).toBe("tool_calls");
    expect(final.usage.total_tokens).toBeGreaterThan(0);
    const [call] = final.choices[0].delta.tool_calls;
    expect(call).toMatchObject({
      type: "function",
      index: 0,
      function: { name: "get_weather", arguments: '{"city": "Paris"}' },
    });
    expect(call.id).toMatch(/^[A-Za-z0-9]{9}$/);
  });

  it("cuts at max_tokens with finish_reason length, the last piece riding on the final chunk", async () => {
    const { chunks } = await streamOf({ messages: [user("one two three four five six")], max_tokens: 3 });
    const final = chunks.at(-1)!;
    expect(final.choices[0]).toMatchObject({ finish_reason: "length", delta: { content: ":" } });
    expect(contentOf(chunks)).toBe("You said:");
    expect(final.usage.completion_tokens).toBe(3);
  });

  it("stops before a stop sequence", async () => {
    const { chunks } = await streamOf({ messages: [user("alpha beta gamma")], stop: [" gamma", "zzz"] });
    expect(contentOf(chunks)).toBe("You said: alpha beta");
    expect(chunks.at(-1)!.choices[0].finish_reason).toBe("stop");
  });
});

describe("non-streamed chat completion (FACTS §2)", () => {
  it("has the six required keys, tool_calls null on text and no prefix", async () => {
    const res = await chat(fake, { model: "mistral-large-latest", messages: [user("Hi")] });
    expect(res.headers.get("content-type")).toBe("application/json");
    const body = (await res.json()) as Json;
    expect(Object.keys(body)).toEqual(["id", "created", "model", "usage", "object", "choices"]);
    expect(body.id).toMatch(/^[0-9a-f]{32}$/);
    expect(body).toMatchObject({ model: "mistral-large-latest", object: "chat.completion" });
    expect(body.choices).toEqual([
      { index: 0, finish_reason: "stop", message: { role: "assistant", tool_calls: null, content: "You said: Hi" } },
    ]);
    expect(Object.keys(body.usage).slice(0, 3)).toEqual(["prompt_tokens", "total_tokens", "completion_tokens"]);
  });

  it("answers a tool call without a content key and with string arguments", async () => {
    const res = await chat(fake, {
      model: "mistral-small-latest",
      messages: [user("Weather?")],
      tools: [weatherTool],
      tool_choice: "any",
    });
    const { choices } = (await res.json()) as Json;
    expect(choices[0].finish_reason).toBe("tool_calls");
    expect(choices[0].message).not.toHaveProperty("content");
    const [call] = choices[0].message.tool_calls;
    expect(call.id).toMatch(/^[A-Za-z0-9]{9}$/);
    expect(new Ajv().validate(weatherTool.function.parameters, JSON.parse(call.function.arguments))).toBe(true);
  });
});

describe("default answers", () => {
  const translate = async (system: string) => {
    const res = await chat(fake, {
      model: "mistral-small-latest",
      messages: [{ role: "system", content: system }, user("I love programming.")],
    });
    return ((await res.json()) as Json).choices[0].message.content as string;
  };

  it.each([
    ["Translate the user's sentence to French.", "J'adore la programmation."],
    ["You translate English into German.", "Ich liebe das Programmieren."],
    ["Translate to Spanish", "Me encanta programar."],
    ["Translate to Italian", "Amo programmare."],
    ["Translate to Portuguese", "Eu amo programar."],
    ["Translate to Chinese", "我喜欢编程。"],
    ["Translate to Japanese", "私はプログラミングが大好きです。"],
    ["Translate to Korean", "저는 프로그래밍을 좋아합니다."],
  ])("%s → %s", async (system, expected) => {
    expect(await translate(system)).toBe(expected);
  });

  it("answers a tool result with a sentence that uses it", async () => {
    const res = await chat(fake, { model: "mistral-small-latest", messages: toolRoundTrip() });
    expect(((await res.json()) as Json).choices[0].message.content).toBe("The get_weather tool returned: Sunny, 24°C");
  });

  it("produces JSON that fits the requested json_schema, and an answer object for json_object", async () => {
    const schema = {
      type: "object",
      properties: {
        title: { type: "string", minLength: 3 },
        year: { type: "integer", minimum: 1900 },
        tags: { type: "array", items: { type: "string" }, minItems: 1 },
      },
      required: ["title", "year", "tags"],
      additionalProperties: false,
    };
    const structured = await chat(fake, {
      model: "mistral-small-latest",
      messages: [user("A book")],
      response_format: { type: "json_schema", json_schema: { name: "book", schema, strict: true } },
    });
    const instance = JSON.parse(((await structured.json()) as Json).choices[0].message.content);
    expect(new Ajv().validate(schema, instance)).toBe(true);

    const object = await chat(fake, {
      model: "mistral-small-latest",
      messages: [user("Answer in JSON")],
      response_format: { type: "json_object" },
    });
    expect(JSON.parse(((await object.json()) as Json).choices[0].message.content)).toEqual({
      answer: "You said: Answer in JSON",
    });
  });

  it("counts prompt tokens by the documented rule and reports them", async () => {
    const body = {
      model: "mistral-small-latest",
      messages: [{ role: "system", content: "Be brief." }, user("12345678")],
    };
    // (4 + ceil(9/4)) + (4 + ceil(8/4)) = 7 + 6
    expect(countPromptTokens(body as Parameters<typeof countPromptTokens>[0])).toBe(13);
    const res = await chat(fake, body);
    expect(((await res.json()) as Json).usage.prompt_tokens).toBe(13);
  });
});

describe("scripting", () => {
  it("serves scripted responses in order, then falls back to the default answer", async () => {
    fake.script(
      { content: "First scripted answer" },
      { chunks: ["Sec", "ond"], usage: { prompt_tokens: 1, completion_tokens: 2, total_tokens: 3 } },
    );
    const first = await streamOf({ messages: [user("a")] });
    const second = await streamOf({ messages: [user("b")] });
    const third = await streamOf({ messages: [user("c")] });
    expect(contentOf(first.chunks)).toBe("First scripted answer");
    expect(second.chunks.slice(1, -1).map((c) => c.choices[0].delta.content)).toEqual(["Sec", "ond"]);
    expect(second.chunks.at(-1)!.usage).toMatchObject({ prompt_tokens: 1, completion_tokens: 2, total_tokens: 3 });
    expect(contentOf(third.chunks)).toBe("You said: c");
  });

  it("is driven over HTTP by another process", async () => {
    const post = (path: string, body: unknown) =>
      fetch(`${fake.origin}/__fake/${path}`, { method: "POST", body: JSON.stringify(body) });
    expect((await post("script", [{ content: "Over HTTP" }])).status).toBe(200);
    expect((await post("script", { content: 42 })).status).toBe(400);
    expect((await post("fault", { kind: "nope" })).status).toBe(400);
    await chat(fake, { model: "mistral-small-latest", messages: [user("x")] }, { key: "bad-key" });
    const ok = await chat(fake, { model: "mistral-small-latest", messages: [user("x")] });
    expect(((await ok.json()) as Json).choices[0].message.content).toBe("Over HTTP");

    const log = (await (await fetch(`${fake.origin}/__fake/requests`)).json()) as Json[];
    expect(log.map((r) => [r.method, r.path, r.status])).toEqual([
      ["POST", "/v1/chat/completions", 401],
      ["POST", "/v1/chat/completions", 200],
    ]);
    expect(log[1]).toMatchObject({
      headers: { authorization: "Bearer test-key", "content-type": "application/json" },
      body: { messages: [user("x")] },
      aborted: false,
    });

    expect((await fetch(`${fake.origin}/__fake/requests`, { method: "DELETE" })).status).toBe(200);
    expect(fake.requests).toEqual([]);
    await post("fault", { kind: "unauthorized" });
    expect((await chat(fake, { model: "mistral-small-latest", messages: [user("x")] })).status).toBe(401);
    await post("reset", {});
    expect((await chat(fake, { model: "mistral-small-latest", messages: [user("x")] })).status).toBe(200);
  });
});

describe("GET /v1/models (FACTS §5)", () => {
  it("lists every alias as its own card with the real keys", async () => {
    const res = await fetch(`${fake.url}/models`, { headers: { authorization: "Bearer test-key" } });
    const list = (await res.json()) as Json;
    expect(list.object).toBe("list");
    const byId = new Map<string, Json>(list.data.map((card: Json) => [card.id, card]));
    for (const id of [
      "mistral-large-latest",
      "mistral-large-2512",
      "mistral-medium-latest",
      "mistral-small-latest",
      "ministral-8b-latest",
      "codestral-latest",
      "magistral-medium-latest",
      "open-mistral-nemo",
      "mistral-embed",
      "mistral-ocr-latest",
    ]) {
      expect(byId.has(id), id).toBe(true);
    }
    expect(new Set(list.data.map((card: Json) => card.created)).size).toBe(1);
    const large = byId.get("mistral-large-latest")!;
    expect(Object.keys(large)).toEqual([
      "id",
      "object",
      "created",
      "owned_by",
      "capabilities",
      "name",
      "description",
      "max_context_length",
      "aliases",
      "deprecation",
      "deprecation_replacement_model",
      "default_model_temperature",
      "type",
    ]);
    expect(large).toMatchObject({
      name: "mistral-large-2512",
      max_context_length: 262144,
      default_model_temperature: 0.3,
      aliases: [],
    });
    expect(byId.get("mistral-medium-latest")).toMatchObject({
      name: "mistral-medium-2508",
      aliases: ["mistral-medium-2508", "mistral-medium"],
    });
    expect(byId.get("mistral-embed")).toMatchObject({
      capabilities: { completion_chat: false },
      default_model_temperature: null,
    });
    expect(byId.get("mistral-ocr-latest")).toMatchObject({ capabilities: { completion_chat: false, ocr: true } });
  });
});
