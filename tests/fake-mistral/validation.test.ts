import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { startFakeMistral } from "./server.ts";
import { chat, toolRoundTrip, user, weatherTool, type Json } from "./test-helpers.ts";

const fake = await startFakeMistral();
afterAll(() => fake.close());
beforeEach(() => fake.reset());

async function rejection(
  body: Json,
  key?: string | null,
): Promise<{ status: number; type: string | null; body: Json }> {
  const res = await chat(fake, { model: "mistral-small-latest", ...body }, { key });
  return { status: res.status, type: res.headers.get("content-type"), body: (await res.json()) as Json };
}

const mistral400 = (message: string, type: string, code: string | null) => ({
  status: 400,
  type: "application/json",
  body: { object: "error", message, type, param: null, code, raw_status_code: 400 },
});

describe("authentication and routing (FACTS §4.2, §6)", () => {
  it.each([
    ["missing", null],
    ["empty", ""],
    ["revoked", "bad-key"],
  ])("answers a %s key with the real 401 body", async (_, key) => {
    expect(await rejection({ messages: [user("hi")] }, key)).toEqual({
      status: 401,
      type: "application/json",
      body: { detail: "Unauthorized" },
    });
    const models = await fetch(`${fake.url}/models`, {
      headers: key === null ? {} : { authorization: `Bearer ${key}` },
    });
    expect(models.status).toBe(401);
  });

  it("answers unknown paths with FastAPI's 404", async () => {
    const res = await fetch(`${fake.origin}/v1/chat/complete`, {
      method: "POST",
      headers: { authorization: "Bearer k" },
    });
    expect(res.status).toBe(404);
    expect(res.headers.get("content-type")).toBe("application/json");
    expect(await res.json()).toEqual({ detail: "Not Found" });
  });

  it("records rejected requests with their status", async () => {
    await rejection({ messages: [user("hi")] }, null);
    await rejection({ messages: [user("hi")], foo: 1 });
    expect(fake.requests.map((r) => r.status)).toEqual([401, 422]);
  });
});

describe("schema validation → 422 (FACTS §1.1, recorded/errors/422_*.json)", () => {
  const wrapped = (detail: Json[]) => ({
    status: 422,
    type: "application/json",
    body: { object: "error", message: { detail }, type: "invalid_request_error", param: null, code: null },
  });

  it("rejects an unknown field as extra_forbidden", async () => {
    expect(await rejection({ messages: [user("hi")], max_completion_tokens: 32000 })).toEqual(
      wrapped([
        {
          type: "extra_forbidden",
          loc: ["body", "max_completion_tokens"],
          msg: "Extra inputs are not permitted",
          input: 32000,
        },
      ]),
    );
  });

  it("rejects temperature 1.6 as less_than_equal 1.5", async () => {
    expect(await rejection({ messages: [user("hi")], temperature: 1.6 })).toEqual(
      wrapped([
        {
          type: "less_than_equal",
          loc: ["body", "temperature"],
          msg: "Input should be less than or equal to 1.5",
          input: 1.6,
          ctx: { le: 1.5 },
        },
      ]),
    );
  });

  it("puts the role into the loc of a message field, as pydantic's tagged union does", async () => {
    expect(await rejection({ messages: [{ role: "user", content: "hi", name: "bob" }] })).toEqual(
      wrapped([
        {
          type: "extra_forbidden",
          loc: ["body", "messages", 0, "user", "name"],
          msg: "Extra inputs are not permitted",
          input: "bob",
        },
      ]),
    );
  });

  it("reports missing fields and lower bounds", async () => {
    const { body } = await rejection({ model: undefined, messages: [user("hi")], max_tokens: -1 });
    expect(body.message.detail).toEqual([
      {
        type: "missing",
        loc: ["body", "model"],
        msg: "Field required",
        input: { messages: [user("hi")], max_tokens: -1 },
      },
      {
        type: "greater_than_equal",
        loc: ["body", "max_tokens"],
        msg: "Input should be greater than or equal to 0",
        input: -1,
        ctx: { ge: 0 },
      },
    ]);
  });
});

describe("model and conversation rules → 400 (FACTS §1.2, recorded/errors/400_*.json)", () => {
  it("rejects an unknown model with invalid_model 1500", async () => {
    expect(await rejection({ model: "codestral-mamba-latest", messages: [user("hi")] })).toEqual(
      mistral400("Invalid model: codestral-mamba-latest", "invalid_model", "1500"),
    );
  });

  it("rejects a user message right after a tool message", async () => {
    expect(await rejection({ messages: [...toolRoundTrip(), user("and tomorrow?")] })).toEqual(
      mistral400("Unexpected role 'user' after role 'tool'", "invalid_request_message_order", "3230"),
    );
  });

  it("rejects an assistant last message without prefix, and accepts it with prefix", async () => {
    const messages = [user("hi"), { role: "assistant", content: "Hello" }];
    expect(await rejection({ messages })).toEqual(
      mistral400(
        "Expected last role User or Tool (or Assistant with prefix True) for serving but got assistant",
        "invalid_request_message_order",
        "3230",
      ),
    );
    const prefixed = await chat(fake, {
      model: "mistral-small-latest",
      messages: [user("hi"), { role: "assistant", content: "Hello", prefix: true }],
    });
    expect(prefixed.status).toBe(200);
  });

  it("rejects prefix on a message that is not the last", async () => {
    const messages = [user("hi"), { role: "assistant", content: "Hello", prefix: true }, user("again")];
    expect(await rejection({ messages })).toEqual(
      mistral400("Assistant message with prefix True must be last message", "invalid_request_error", null),
    );
  });

  it("rejects tool-call ids that are not 9 alphanumerics", async () => {
    expect(await rejection({ messages: toolRoundTrip("call_0fypS1hVX") })).toEqual(
      mistral400(
        "Tool call id was call_0fypS1hVX but must be a-z, A-Z, 0-9, with a length of 9.",
        "invalid_function_call",
        "3280",
      ),
    );
  });

  it("rejects a different number of tool calls and tool results", async () => {
    const [first, assistant, result] = toolRoundTrip();
    const twoCalls = {
      ...assistant,
      tool_calls: [
        ...assistant!.tool_calls,
        { id: "uKCZB9XEy", type: "function", function: { name: "get_weather", arguments: "{}" } },
      ],
    };
    expect(await rejection({ messages: [first, twoCalls, result] })).toEqual(
      mistral400("Not the same number of function calls and responses", "invalid_request_message_order", "3230"),
    );
  });

  it("rejects a tool result for a call the assistant did not make", async () => {
    expect(await rejection({ messages: toolRoundTrip("D681PevKs", "gSIMJiOkT") })).toEqual(
      mistral400("Unexpected tool call id gSIMJiOkT in tool results", "invalid_request_message_order", "3230"),
    );
  });

  it("rejects an assistant message with both content and tool calls, or with neither", async () => {
    const [first, assistant, result] = toolRoundTrip();
    const expected = mistral400(
      "Assistant message must have either content or tool_calls, but not both.",
      "invalid_request_error",
      null,
    );
    expect(await rejection({ messages: [first, { ...assistant, content: "Let me check." }, result] })).toEqual(
      expected,
    );
    expect(await rejection({ messages: [first, { role: "assistant", content: null }, user("?")] })).toEqual(expected);
  });

  it("rejects an empty conversation and a lone assistant message", async () => {
    expect(await rejection({ messages: [] })).toEqual(
      mistral400("Conversation must have at least one message", "invalid_request_message_order", "3230"),
    );
    expect(await rejection({ messages: [{ role: "assistant", content: "Hi", prefix: true }] })).toEqual(
      mistral400(
        "Conversation must start with a user message or system message",
        "invalid_request_message_order",
        "3230",
      ),
    );
  });

  it("rejects bad function names and tool parameters that are not a JSON Schema", async () => {
    const badName = { ...weatherTool, function: { ...weatherTool.function, name: "get weather" } };
    expect((await rejection({ messages: [user("hi")], tools: [badName] })).body.message).toBe(
      "Function name was get weather but must be a-z, A-Z, 0-9, or contain underscores and dashes, with a maximum length of 64.",
    );
    const badSchema = { ...weatherTool, function: { ...weatherTool.function, parameters: { type: 12 } } };
    const { status, body } = await rejection({ messages: [user("hi")], tools: [badSchema] });
    expect(status).toBe(400);
    expect(body.message).toMatch(/^Invalid tool schema: /);
  });

  it("rejects prompt_mode reasoning on a model without it, and a prompt over the context length", async () => {
    expect(await rejection({ messages: [user("hi")], prompt_mode: "reasoning" })).toEqual(
      mistral400("Reasoning prompt mode is not enabled for this model", "invalid_request_invalid_args", "3051"),
    );
    expect(
      (await chat(fake, { model: "magistral-medium-latest", messages: [user("hi")], prompt_mode: "reasoning" })).status,
    ).toBe(200);
    const { body } = await rejection({ model: "open-mistral-7b", messages: [user("x".repeat(32768 * 4))] });
    expect(body.message).toBe(
      "Prompt contains 32772 tokens and 0 draft tokens, too large for model with 32768 maximum context length",
    );
  });
});
