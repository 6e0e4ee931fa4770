import { describe, expect, it } from "vitest";
import { POST } from "@/app/api/chat/route";
import { buildChatRequest } from "@/lib/chat/build-request";
import type { ChatMessage, ChatRequest } from "@/lib/chat/request";
import { defaultParameters, type PromptSnapshot, type ResponseFormat } from "@/lib/workspace/model";
import { mistralRequestBody, prepare } from "@/lib/export/code/prepare";
import { checkAnswer } from "@/lib/response-format/answer-check";
import { withFakeMistral } from "./fake-mistral-server.ts";
import { chat } from "../fake-mistral/test-helpers.ts";

/**
 * Tools, tool choice, parallel tool calls and response format through `POST /api/chat` to the
 * fake Mistral server, which validates every body against the official spec and mistral-common's
 * rules: each test asserts what arrived on the wire and that it was accepted.
 */
const fake = withFakeMistral("test-key");

type Json = Record<string, any>;

const weatherParameters = {
  type: "object",
  properties: { city: { type: "string" }, unit: { type: "string", enum: ["celsius", "fahrenheit"] } },
  required: ["city"],
  additionalProperties: false,
};
const weather = { name: "get_weather", description: "Current weather in a city", parameters: weatherParameters };
const time = {
  name: "get_time",
  description: "Local time in a city",
  parameters: { type: "object", properties: { city: { type: "string" } }, required: ["city"] },
};

const SYSTEM = "You are a weather assistant. Answer in one sentence.";

function request(messages: ChatMessage[], parameters: Partial<ChatRequest["parameters"]> = {}): ChatRequest {
  const { temperature, maxTokens, topP, randomSeed, stop, safePrompt, toolChoice, parallelToolCalls } =
    defaultParameters;
  return {
    messages: [{ role: "system", content: SYSTEM }, ...messages],
    parameters: {
      model: "mistral-small-latest",
      temperature,
      maxTokens,
      topP,
      randomSeed,
      stop,
      safePrompt,
      toolChoice,
      parallelToolCalls,
      maxRetries: 0,
      responseFormat: { type: "text" },
      tools: [],
      presencePenalty: null,
      frequencyPenalty: null,
      prediction: null,
      reasoningEffort: null,
      promptMode: null,
      ...parameters,
    },
  };
}

async function post(body: ChatRequest): Promise<{ status: number; chunks: Json[]; raw: string }> {
  const response = await POST(
    new Request("http://localhost/api/chat", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    }),
  );
  const raw = await response.text();
  const chunks = raw
    .split("\n\n")
    .filter((event) => event.startsWith("data: ") && event !== "data: [DONE]")
    .map((event) => JSON.parse(event.slice("data: ".length)) as Json);
  return { status: response.status, chunks, raw };
}

const textOf = (chunks: Json[]) =>
  chunks
    .filter((c) => c.type === "text-delta")
    .map((c) => c.delta as string)
    .join("");
const toolCallsOf = (chunks: Json[]) => chunks.filter((c) => c.type === "tool-input-available");

/** The one chat request the fake received, after checking Mistral accepted it. */
function accepted(): Json {
  expect(fake().requests.map((r) => r.status)).toEqual([200]);
  return fake().requests[0]!.body as Json;
}

const askWeather: ChatMessage = { role: "user", content: "What's the weather in Paris? Use get_weather." };

describe("tools on the wire", () => {
  it("sends each function with its JSON Schema and streams back the call with Mistral's id", async () => {
    const { status, chunks } = await post(request([askWeather], { tools: [weather] }));
    expect(status).toBe(200);
    const body = accepted();
    expect(body.tools).toEqual([{ type: "function", function: weather }]);
    expect(body.tool_choice).toBe("auto");
    expect(body.parallel_tool_calls).toBe(true);
    expect(body.messages[0]).toEqual({ role: "system", content: SYSTEM });

    const [call] = toolCallsOf(chunks);
    expect(call).toMatchObject({ toolName: "get_weather", input: { city: "example" } });
    expect(call!.toolCallId).toMatch(/^[A-Za-z0-9]{9}$/);
    expect(chunks.find((c) => c.type === "finish")?.finishReason).toBe("tool-calls");
  });

  it.each([
    ["auto", "auto"],
    ["none", "none"],
    ["any", "any"],
    [
      { type: "function", name: "get_time" },
      { type: "function", function: { name: "get_time" } },
    ],
  ] as const)("maps tool choice %j to Mistral's %j", async (choice, wire) => {
    await post(request([{ role: "user", content: "Hello" }], { tools: [weather, time], toolChoice: choice }));
    expect(accepted().tool_choice).toEqual(wire);
  });

  it("a named function or `any` makes Mistral call a tool even when not asked", async () => {
    const { chunks } = await post(
      request([{ role: "user", content: "Hello" }], {
        tools: [weather, time],
        toolChoice: { type: "function", name: "get_time" },
      }),
    );
    expect(toolCallsOf(chunks).map((c) => c.toolName)).toEqual(["get_time"]);
  });

  it("sends parallel_tool_calls false when switched off, and nothing about tools without tools", async () => {
    await post(request([askWeather], { tools: [weather], parallelToolCalls: false }));
    expect(accepted().parallel_tool_calls).toBe(false);

    fake().reset();
    await post(request([askWeather], { toolChoice: "any", parallelToolCalls: false }));
    const body = accepted();
    expect(body).not.toHaveProperty("tools");
    expect(body).not.toHaveProperty("tool_choice");
    expect(body).not.toHaveProperty("parallel_tool_calls");
  });

  it("continues after tool results that answer each call by the id Mistral gave", async () => {
    const messages: ChatMessage[] = [
      askWeather,
      {
        role: "assistant",
        content: "",
        toolCalls: [
          { id: "gSIMJiOkT", name: "get_weather", arguments: '{"city":"Paris"}' },
          { id: "uKCZB9XEy", name: "get_time", arguments: '{"city":"Paris"}' },
        ],
      },
      {
        role: "tool",
        toolCallId: "gSIMJiOkT",
        name: "get_weather",
        content: '{"temperature_c":24,"conditions":"sunny"}',
      },
      { role: "tool", toolCallId: "uKCZB9XEy", name: "get_time", content: "14:05" },
    ];
    const { status, chunks } = await post(request(messages, { tools: [weather, time] }));
    expect(status).toBe(200);
    expect(accepted().messages.slice(2)).toEqual([
      {
        role: "assistant",
        content: "",
        tool_calls: [
          { id: "gSIMJiOkT", type: "function", function: { name: "get_weather", arguments: '{"city":"Paris"}' } },
          { id: "uKCZB9XEy", type: "function", function: { name: "get_time", arguments: '{"city":"Paris"}' } },
        ],
      },
      {
        role: "tool",
        name: "get_weather",
        tool_call_id: "gSIMJiOkT",
        content: '{"temperature_c":24,"conditions":"sunny"}',
      },
      { role: "tool", name: "get_time", tool_call_id: "uKCZB9XEy", content: "14:05" },
    ]);
    expect(textOf(chunks)).toBe("The get_time tool returned: 14:05");
  });
});

describe("conversations Mistral refuses never reach it", () => {
  const call = { id: "gSIMJiOkT", name: "get_weather", arguments: '{"city":"Paris"}' };
  const cases: [string, ChatMessage[], RegExp][] = [
    [
      "a tool call id that is not nine letters or digits",
      [
        askWeather,
        { role: "assistant", content: "", toolCalls: [{ ...call, id: "call_0fypS1hVX" }] },
        { role: "tool", toolCallId: "call_0fypS1hVX", name: "get_weather", content: "sunny" },
      ],
      /Tool call id was call_0fypS1hVX but must be a-z, A-Z, 0-9, with a length of 9/,
    ],
    [
      "a result answering no call",
      [
        askWeather,
        { role: "assistant", content: "", toolCalls: [call] },
        { role: "tool", toolCallId: "XXXXXXXXX", name: "get_weather", content: "sunny" },
      ],
      /Unexpected tool call id XXXXXXXXX in tool results/,
    ],
    [
      "a call without its result",
      [
        askWeather,
        { role: "assistant", content: "", toolCalls: [call, { ...call, id: "uKCZB9XEy" }] },
        { role: "tool", toolCallId: call.id, name: "get_weather", content: "sunny" },
      ],
      /Not the same number of function calls and responses/,
    ],
    [
      "a user message right after a tool message",
      [
        askWeather,
        { role: "assistant", content: "", toolCalls: [call] },
        { role: "tool", toolCallId: call.id, name: "get_weather", content: "sunny" },
        { role: "user", content: "And tomorrow?" },
      ],
      /Unexpected role 'user' after role 'tool'/,
    ],
  ];

  it.each(cases)(
    "%s: the route answers 400 itself; Mistral (the fake) would have said so too",
    async (_, messages, mistralSays) => {
      const { status } = await post(request(messages, { tools: [weather] }));
      expect(status).toBe(400);
      expect(fake().requests).toHaveLength(0);

      // The same conversation straight to the fake, in the wire shape the route would have sent.
      const wire = {
        model: "mistral-small-latest",
        tools: [{ type: "function", function: weather }],
        messages: messages.map((m) =>
          m.role === "assistant"
            ? {
                role: "assistant",
                content: "",
                tool_calls: m.toolCalls?.map((c) => ({
                  id: c.id,
                  type: "function",
                  function: { name: c.name, arguments: c.arguments },
                })),
              }
            : m.role === "tool"
              ? { role: "tool", name: m.name, tool_call_id: m.toolCallId, content: m.content }
              : m,
        ),
      };
      const direct = await chat(fake(), wire);
      expect(direct.status).toBe(400);
      expect(((await direct.json()) as Json).message).toMatch(mistralSays);
    },
  );
});

describe("response format on the wire", () => {
  const ask: ChatMessage = { role: "user", content: "Describe a book." };
  const bookSchema = {
    type: "object",
    properties: { name: { type: "string" }, pages: { type: "integer", minimum: 10 } },
    required: ["name", "pages"],
    additionalProperties: false,
  };
  const schemaFormat: ResponseFormat = {
    type: "json_schema",
    name: "book",
    schema: JSON.stringify(bookSchema),
    strict: true,
  };

  it("text sends no response_format", async () => {
    await post(request([ask]));
    expect(accepted()).not.toHaveProperty("response_format");
  });

  it("JSON object sends json_object and leaves the system message as written", async () => {
    const { chunks } = await post(request([ask], { responseFormat: { type: "json_object" } }));
    const body = accepted();
    expect(body.response_format).toEqual({ type: "json_object" });
    expect(body.messages).toEqual([
      { role: "system", content: SYSTEM },
      { role: "user", content: [{ type: "text", text: "Describe a book." }] },
    ]);
    const answer = textOf(chunks);
    expect(JSON.parse(answer)).toEqual({ answer: "You said: Describe a book." });
    expect(checkAnswer(answer, { type: "json_object" })?.ok).toBe(true);
  });

  it("JSON schema sends name, schema and strict as Mistral's json_schema, with no instruction added", async () => {
    const { chunks } = await post(
      request([ask], { responseFormat: { type: "json_schema", name: "book", schema: bookSchema, strict: true } }),
    );
    const body = accepted();
    expect(body.response_format).toEqual({
      type: "json_schema",
      json_schema: { name: "book", schema: bookSchema, strict: true },
    });
    expect(body.messages[0]).toEqual({ role: "system", content: SYSTEM });
    expect(body.messages).toHaveLength(2);
    const answer = textOf(chunks);
    expect(JSON.parse(answer)).toEqual({ name: "example", pages: 10 });
    expect(checkAnswer(answer, schemaFormat)).toMatchObject({ ok: true });
  });

  it("an answer that breaks the schema streams through as sent, and the check names each violation", async () => {
    fake().script({ content: '{"name": "Dune", "pages": 3, "author": "Herbert"}' });
    const { chunks } = await post(
      request([ask], { responseFormat: { type: "json_schema", name: "book", schema: bookSchema, strict: false } }),
    );
    expect(accepted().response_format.json_schema.strict).toBe(false);
    const answer = textOf(chunks);
    expect(answer).toBe('{"name": "Dune", "pages": 3, "author": "Herbert"}');
    expect(checkAnswer(answer, schemaFormat)).toEqual({
      ok: false,
      pretty: JSON.stringify({ name: "Dune", pages: 3, author: "Herbert" }, null, 2),
      summary: 'Does not match the schema "book":',
      violations: ["/pages: 3 is less than 10.", "/author: is not allowed here (the schema forbids extra properties)."],
    });
  });

  it("tools and a response format travel together", async () => {
    await post(
      request([{ role: "user", content: "Hello" }], {
        tools: [weather],
        toolChoice: "none",
        responseFormat: { type: "json_object" },
      }),
    );
    const body = accepted();
    expect(body).toMatchObject({ tool_choice: "none", response_format: { type: "json_object" } });
    expect(body.tools).toHaveLength(1);
  });
});

describe("a workspace with tools and a schema, run and exported", () => {
  const snapshot: PromptSnapshot = {
    system: SYSTEM,
    messages: [
      { id: "u", role: "user", content: "What's the weather in Paris?" },
      {
        id: "a",
        role: "assistant",
        content: "",
        toolCalls: [{ id: "gSIMJiOkT", name: "get_weather", arguments: '{"city":"Paris"}' }],
      },
      { id: "t", role: "tool", toolCallId: "gSIMJiOkT", name: "get_weather", content: "sunny" },
    ],
    parameters: {
      ...defaultParameters,
      model: "mistral-small-latest",
      tools: [
        {
          name: "get_weather",
          description: weather.description,
          parameters: JSON.stringify(weatherParameters),
          mockResult: "sunny",
        },
      ],
      toolChoice: { type: "function", name: "get_weather" },
      parallelToolCalls: false,
      responseFormat: {
        type: "json_schema",
        name: "report",
        schema: '{"type": "object", "properties": {"summary": {"type": "string"}}, "required": ["summary"]}',
        strict: true,
      },
    },
    variables: {},
  };

  it("sends the tools, choice and format the way View code writes them, and Mistral takes both", async () => {
    const built = buildChatRequest(snapshot);
    if (!built.ok) throw new Error(built.error);
    expect((await post(built.value)).status).toBe(200);
    const sent = accepted();

    const exported = mistralRequestBody(prepare(snapshot));
    for (const key of ["tools", "tool_choice", "parallel_tool_calls", "response_format"] as const)
      expect(sent[key]).toEqual(exported[key]);
    expect((await chat(fake(), exported)).status).toBe(200);
  });
});
