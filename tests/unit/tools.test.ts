import { describe, expect, it } from "vitest";
import {
  defaultParameters,
  type ConversationMessage,
  type Parameters,
  type ToolDefinition,
} from "@/lib/workspace/model";
import {
  addToolCall,
  answerableCalls,
  kindOf,
  newToolCallId,
  removeToolCall,
  toolResultsFor,
  updateToolCall,
  withKind,
} from "@/lib/tools/conversation";
import {
  checkToolDefinition,
  mergeTools,
  newToolDefinition,
  parseToolChoiceValue,
  removeTool,
  toolChoiceValue,
  updateTool,
} from "@/lib/tools/definitions";
import { checkToolUse } from "@/lib/tools/preflight";
import { exportTools, importTools } from "@/lib/tools/transfer";

const weatherSchema = { type: "object", properties: { city: { type: "string" } }, required: ["city"] };
const weather: ToolDefinition = {
  name: "get_weather",
  description: "Weather in a city",
  parameters: JSON.stringify(weatherSchema, null, 2),
  mockResult: '{"temperature_c": 21}',
};
const time: ToolDefinition = { name: "get_time", description: "", parameters: '{"type": "object"}' };

describe("tool definitions", () => {
  it("checks the name (Mistral's pattern, unique) and the parameters (a draft-07 JSON Schema)", () => {
    expect(checkToolDefinition(weather, 0, [weather])).toEqual({});
    expect(checkToolDefinition({ ...weather, name: "get weather" }, 0, [weather]).name).toMatch(/Letters, digits/);
    expect(checkToolDefinition({ ...weather, name: "" }, 0, [weather]).name).toMatch(/Letters, digits/);
    expect(checkToolDefinition({ ...weather, name: "x".repeat(65) }, 0, [weather]).name).toBeDefined();
    expect(checkToolDefinition(weather, 1, [weather, weather]).name).toBe("Another tool has this name.");
    expect(checkToolDefinition({ ...weather, parameters: "{" }, 0, [weather]).parameters).toBeDefined();
    expect(checkToolDefinition({ ...weather, parameters: '{"type": 3}' }, 0, [weather]).parameters).toMatch(
      /Not a valid JSON Schema/,
    );
  });

  it("names a new tool so that it does not clash", () => {
    expect(newToolDefinition([]).name).toBe("function_1");
    expect(newToolDefinition([{ ...time, name: "function_2" }]).name).toBe("function_3");
    expect(JSON.parse(newToolDefinition([]).parameters)).toEqual({ type: "object", properties: {}, required: [] });
  });

  it("keeps a named tool choice pointing at its function through renames and removal", () => {
    const settings: Pick<Parameters, "tools" | "toolChoice"> = {
      tools: [weather, time],
      toolChoice: { type: "function", name: "get_time" },
    };
    const renamed = updateTool(settings, 1, { name: "local_time" });
    expect(renamed.toolChoice).toEqual({ type: "function", name: "local_time" });
    expect(renamed.tools[1]?.name).toBe("local_time");
    expect(updateTool(settings, 0, { name: "weather" }).toolChoice).toEqual(settings.toolChoice);
    expect(removeTool(renamed, 1)).toEqual({ tools: [weather], toolChoice: "auto" });
    expect(removeTool(settings, 0).toolChoice).toEqual(settings.toolChoice);
  });

  it("round-trips the tool choice through a select's value", () => {
    for (const choice of ["auto", "none", "any", { type: "function", name: "get_weather" }] as const) {
      expect(parseToolChoiceValue(toolChoiceValue(choice))).toEqual(choice);
    }
  });
});

describe("tools to and from JSON", () => {
  it("exports Mistral's tools array and imports it back, keeping mock results of replaced tools", () => {
    const exported = exportTools([weather, time]);
    expect(exported).toEqual({
      ok: true,
      value: [
        {
          type: "function",
          function: { name: "get_weather", description: "Weather in a city", parameters: weatherSchema },
        },
        { type: "function", function: { name: "get_time", description: "", parameters: { type: "object" } } },
      ],
    });
    const imported = importTools([weather], JSON.stringify(exported.ok && exported.value));
    // Parameters come back pretty-printed, as the editor shows them.
    expect(imported).toEqual({
      ok: true,
      value: { tools: [weather, { ...time, parameters: '{\n  "type": "object"\n}' }], imported: 2 },
    });
  });

  it("imports bare functions and a {tools: […]} file; missing parameters take no arguments", () => {
    const bare = importTools([], JSON.stringify([{ name: "ping" }]));
    expect(bare).toEqual({
      ok: true,
      value: {
        tools: [{ name: "ping", description: "", parameters: '{\n  "type": "object",\n  "properties": {}\n}' }],
        imported: 1,
      },
    });
    const wrapped = importTools(
      [time],
      JSON.stringify({ tools: [{ type: "function", function: { name: "get_weather", parameters: weatherSchema } }] }),
    );
    expect(wrapped.ok && wrapped.value.tools.map((t) => t.name)).toEqual(["get_time", "get_weather"]);
  });

  it("says what is wrong with a file it cannot import", () => {
    expect(importTools([], "not json")).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^Nothing imported: the file is not JSON/),
    });
    expect(importTools([], '{"name": "x"}')).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^Nothing imported: .*expected array/),
    });
    expect(importTools([], JSON.stringify([{ function: { name: "bad name", parameters: {} } }]))).toEqual({
      ok: false,
      error: "Nothing imported: [0].name: Letters, digits, _ and -, at most 64.",
    });
    const many = Array.from({ length: 129 }, (_, i) => ({ name: `f${i}` }));
    expect(importTools([], JSON.stringify(many))).toMatchObject({
      ok: false,
      error: expect.stringMatching(/at most 128 tools/),
    });
  });

  it("refuses to export a tool whose parameters are not JSON", () => {
    expect(exportTools([{ ...time, parameters: "{" }])).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^Tool 1 \(get_time\)/),
    });
  });

  it("merges by name: same names replaced in place, new ones appended", () => {
    const newWeather = { ...weather, description: "v2", mockResult: undefined };
    expect(
      mergeTools([weather, time], [newWeather, { ...time, name: "x" }]).map((t) => [
        t.name,
        t.description,
        t.mockResult,
      ]),
    ).toEqual([
      ["get_weather", "v2", weather.mockResult],
      ["get_time", "", undefined],
      ["x", "", undefined],
    ]);
  });
});

const call = { id: "gSIMJiOkT", name: "get_weather", arguments: '{"city":"Paris"}' };
const conversation: ConversationMessage[] = [
  { id: "u1", role: "user", content: "Weather in Paris and Lyon?" },
  {
    id: "a1",
    role: "assistant",
    content: "",
    toolCalls: [call, { ...call, id: "uKCZB9XEy", arguments: '{"city":"Lyon"}' }],
  },
  { id: "t1", role: "tool", toolCallId: "gSIMJiOkT", name: "get_weather", content: "sunny" },
  { id: "t2", role: "tool", toolCallId: "uKCZB9XEy", name: "get_weather", content: "rain" },
];

describe("tool calls and results in the conversation", () => {
  it("makes nine-letter-or-digit call ids", () => {
    const ids = Array.from({ length: 50 }, newToolCallId);
    for (const id of ids) expect(id).toMatch(/^[a-zA-Z0-9]{9}$/);
    expect(new Set(ids).size).toBe(50);
  });

  it("answers each call by its id, pre-filled with the tool's mock result", () => {
    let n = 0;
    const results = toolResultsFor(
      conversation[1]!.role === "assistant" ? conversation[1]!.toolCalls! : [],
      [weather],
      () => `r${++n}`,
    );
    expect(results).toEqual([
      { id: "r1", role: "tool", toolCallId: "gSIMJiOkT", name: "get_weather", content: weather.mockResult },
      { id: "r2", role: "tool", toolCallId: "uKCZB9XEy", name: "get_weather", content: weather.mockResult },
    ]);
    expect(toolResultsFor([{ ...call, name: "unknown" }], [weather], () => "r")[0]?.content).toBe("");
  });

  it("knows which calls a tool message can answer", () => {
    expect(answerableCalls(conversation, 3).map((c) => c.id)).toEqual(["gSIMJiOkT", "uKCZB9XEy"]);
    expect(answerableCalls(conversation, 1)).toEqual([]);
  });

  it("turns a message into another kind, keeping its text", () => {
    const messages: ConversationMessage[] = [...conversation.slice(0, 3), { id: "m", role: "user", content: "rain" }];
    expect(withKind(messages, 3, "tool", [weather])).toEqual({
      id: "m",
      role: "tool",
      toolCallId: "uKCZB9XEy",
      name: "get_weather",
      content: "rain",
    });
    const calls = withKind([{ id: "m", role: "assistant", content: "" }], 0, "tool_calls", [weather]);
    expect(calls).toMatchObject({ role: "assistant", toolCalls: [{ name: "get_weather", arguments: "{}" }] });
    expect(calls && kindOf(calls)).toBe("tool_calls");
    expect(withKind(conversation, 1, "assistant", [])).toEqual({ id: "a1", role: "assistant", content: "" });
    expect(withKind(conversation, 2, "user", [])).toEqual({ id: "t1", role: "user", content: "sunny" });
    expect(withKind(conversation, 0, "user", [])).toBe(conversation[0]);
  });

  it("renaming a call renames its results; deleting a call deletes its result", () => {
    const renamed = updateToolCall(conversation, "a1", "uKCZB9XEy", { name: "get_forecast" });
    expect(renamed[1]).toMatchObject({ toolCalls: [{ name: "get_weather" }, { name: "get_forecast" }] });
    expect(renamed.slice(2).map((m) => m.role === "tool" && m.name)).toEqual(["get_weather", "get_forecast"]);

    const removed = removeToolCall(conversation, "a1", "gSIMJiOkT");
    expect(removed.map((m) => m.id)).toEqual(["u1", "a1", "t2"]);
    expect(removed[1]).toMatchObject({ toolCalls: [{ id: "uKCZB9XEy" }] });

    const added = addToolCall(conversation, "a1", [time]);
    expect(added[1]?.role === "assistant" && added[1].toolCalls?.[2]).toMatchObject({
      name: "get_time",
      arguments: "{}",
    });
  });
});

describe("checks before a run", () => {
  const parameters: Parameters = { ...defaultParameters, tools: [weather] };
  const run = (messages: ConversationMessage[], overrides: Partial<Parameters> = {}) =>
    checkToolUse({ messages, parameters: { ...parameters, ...overrides } });

  it("lets a well-formed tool round trip through", () => {
    expect(run(conversation)).toEqual({ ok: true });
  });

  it.each([
    [
      "a broken tool",
      { tools: [{ ...weather, parameters: '{"type": "thing"}' }] },
      /^Tool 1 \(get_weather\): Not a valid JSON Schema/,
    ],
    ["a duplicate tool name", { tools: [weather, weather] }, /^Tool 1 \(get_weather\): Another tool/],
    [
      "a tool choice naming no tool",
      { toolChoice: { type: "function", name: "gone" } as const },
      /Tool choice asks for function "gone"/,
    ],
    [
      "a bad schema name",
      { responseFormat: { type: "json_schema", name: "my schema", schema: "{}", strict: true } as const },
      /schema name "my schema"/,
    ],
    [
      "a broken response schema",
      { responseFormat: { type: "json_schema", name: "s", schema: '{"type": 1}', strict: true } as const },
      /^The response JSON schema: Not a valid JSON Schema/,
    ],
  ])("refuses %s", (_, overrides, error) => {
    expect(run(conversation, overrides)).toEqual({ ok: false, error: expect.stringMatching(error) });
  });

  it("refuses tool messages Mistral would reject", () => {
    const badArgs = updateToolCall(conversation, "a1", "gSIMJiOkT", { arguments: "{city: Paris}" });
    expect(run(badArgs)).toEqual({
      ok: false,
      error: expect.stringMatching(/^Message 2: the arguments of call gSIMJiOkT are not a JSON object/),
    });
    const badName = updateToolCall(conversation, "a1", "gSIMJiOkT", { name: "get weather" });
    expect(run(badName)).toEqual({ ok: false, error: expect.stringMatching(/calls "get weather"/) });
    const empty = conversation.map((m) => (m.id === "t2" ? { ...m, content: " " } : m));
    expect(run(empty)).toEqual({ ok: false, error: expect.stringMatching(/^Message 4 is an empty tool result/) });
  });
});
