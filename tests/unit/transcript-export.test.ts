import { describe, expect, it } from "vitest";
import { defaultParameters, type PromptSnapshot } from "@/lib/workspace/model";
import { parseTranscriptJson, toTranscriptJson } from "@/lib/export/transcript-json";
import { toMarkdown } from "@/lib/export/transcript-markdown";

const snapshot: PromptSnapshot = {
  system: "Answer about {city}.",
  messages: [
    { id: "u1", role: "user", content: "Weather in {city}? 天気は？" },
    {
      id: "a1",
      role: "assistant",
      content: "",
      toolCalls: [{ id: "abc123XYZ", name: "get_weather", arguments: '{"city":"Paris","unit":"c"}' }],
      metadata: {
        model: "mistral-large-2411",
        usage: { promptTokens: 120, completionTokens: 18, totalTokens: 138, cachedTokens: 64 },
        finishReason: "tool_calls",
        durationMs: 1234,
      },
      status: "complete",
    },
    { id: "t1", role: "tool", toolCallId: "abc123XYZ", name: "get_weather", content: "Report:\n```\n21 °C\n```" },
    { id: "a2", role: "assistant", content: "Sunny, **21 °C**.", status: "complete" },
  ],
  parameters: {
    ...defaultParameters,
    temperature: 0.3,
    maxTokens: 512,
    topP: 0.9,
    randomSeed: 42,
    stop: ["\n\nUser:", "END"],
    safePrompt: true,
    tools: [
      {
        name: "get_weather",
        description: "Current weather for a city.",
        parameters: '{"type":"object","properties":{"city":{"type":"string"}}}',
      },
    ],
  },
  variables: { city: "Paris", notes: "line one\nline two" },
};

const exportedAt = new Date("2026-03-01T10:00:00.000Z");

describe("transcript JSON", () => {
  it("round-trips a snapshot with its title", () => {
    const text = toTranscriptJson({ title: "Weather", snapshot, exportedAt });
    expect(parseTranscriptJson(text)).toEqual({
      ok: true,
      value: {
        format: "mistral-playground.transcript",
        version: 1,
        exportedAt: "2026-03-01T10:00:00.000Z",
        title: "Weather",
        snapshot,
      },
    });
  });

  it("round-trips without a title", () => {
    const result = parseTranscriptJson(toTranscriptJson({ snapshot, exportedAt }));
    expect(result.ok && result.value).toEqual(expect.not.objectContaining({ title: expect.anything() }));
    expect(result.ok && result.value.snapshot).toEqual(snapshot);
  });

  const file = (overrides: Record<string, unknown>) =>
    JSON.stringify({ ...(JSON.parse(toTranscriptJson({ snapshot, exportedAt })) as object), ...overrides });

  it.each([
    ["text that is not JSON", "{ nope", /not valid JSON/],
    ["a JSON array", "[1, 2]", /not a Mistral Playground transcript/],
    ["another format", file({ format: "someone.else" }), /"format" must be "mistral-playground\.transcript"/],
    ["a newer version", file({ version: 2 }), /version 2, made by a newer playground.*Update/],
    ["a version that is not a number", file({ version: "1" }), /unsupported version \("1"\)/],
    ["a missing version", file({ version: undefined }), /unsupported version \(missing\)/],
    [
      "a bad message role",
      file({ snapshot: { ...snapshot, messages: [{ id: "x", role: "robot", content: "" }] } }),
      /snapshot\.messages\[0\]\.role/,
    ],
    [
      "a bad parameter",
      file({ snapshot: { ...snapshot, parameters: { ...snapshot.parameters, temperature: "hot" } } }),
      /snapshot\.parameters\.temperature/,
    ],
    ["a bad export time", file({ exportedAt: "yesterday" }), /exportedAt/],
  ])("refuses %s with a clear message and no partial value", (_, text, message) => {
    const result = parseTranscriptJson(text);
    expect(result.ok).toBe(false);
    expect(result).not.toHaveProperty("value");
    expect(!result.ok && result.error.message).toMatch(message);
  });
});

describe("transcript Markdown", () => {
  const markdown = toMarkdown({ title: "Weather\nin Paris", snapshot, createdAt: "2026-03-01T10:00:00.000Z" });

  it("starts with the title and a parameters header", () => {
    expect(markdown.startsWith("# Weather in Paris\n\n_Shared 2026-03-01T10:00:00.000Z_\n\n## Parameters\n")).toBe(
      true,
    );
    for (const line of [
      "- **Model:** `mistral-large-latest`",
      "- **Temperature:** 0.3",
      "- **Max tokens:** 512",
      "- **Top p:** 0.9",
      "- **Seed:** 42",
      '- **Stop:** `"\\n\\nUser:"`, `"END"`',
      "- **Safe prompt:** on",
      "- **Response format:** `text`",
      "- **Tools:** `get_weather` (choice: auto; parallel calls on)",
    ]) {
      expect(markdown).toContain(`${line}\n`);
    }
  });

  it("says when parameters are left to the model", () => {
    const plain = toMarkdown({ title: "t", snapshot: { ...snapshot, parameters: defaultParameters } });
    expect(plain).toContain("- **Temperature:** model default\n");
    expect(plain).toContain("- **Seed:** none\n");
    expect(plain).toContain("- **Stop:** none\n");
    expect(plain).toContain("- **Tools:** none\n");
    expect(plain).not.toContain("_Shared");
  });

  it("lists variables with their values", () => {
    expect(markdown).toContain(
      "## Variables\n\n- `{city}` = `Paris`\n\n- `{notes}` =\n\n  ```\n  line one\n  line two\n  ```",
    );
  });

  it("shows each message with its role, tool calls, usage and results", () => {
    expect(markdown).toContain("## System\n\nAnswer about {city}.");
    expect(markdown).toContain("### User\n\nWeather in {city}? 天気は？");
    expect(markdown).toContain(
      '**Tool call** `get_weather` (call `abc123XYZ`)\n\n```json\n{\n  "city": "Paris",\n  "unit": "c"\n}\n```',
    );
    expect(markdown).toContain(
      "_Usage: `mistral-large-2411` · 120 prompt + 18 completion = 138 tokens, 64 cached · finish: tool_calls · 1.2 s_",
    );
    expect(markdown).toContain("### Assistant\n\nSunny, **21 °C**.");
    expect(markdown.indexOf("### User")).toBeLessThan(markdown.indexOf("### Tool result"));
  });

  it("fences tool results so backticks inside cannot break out", () => {
    expect(markdown).toContain(
      "### Tool result `get_weather` (call `abc123XYZ`)\n\n````\nReport:\n```\n21 °C\n```\n````\n\n### Assistant",
    );
  });

  it("closes a code block left open by an interrupted answer", () => {
    const cut = toMarkdown({
      title: "cut",
      snapshot: {
        ...snapshot,
        messages: [
          { id: "a", role: "assistant", content: "Here:\n~~~~python\nprint(1)", status: "interrupted" },
          { id: "u", role: "user", content: "Go on" },
        ],
      },
    });
    expect(cut).toContain("print(1)\n~~~~\n\n_Interrupted before the model finished._\n\n### User\n\nGo on\n");
  });

  it("says when the user stopped an answer", () => {
    const stopped = toMarkdown({
      title: "t",
      snapshot: { ...snapshot, messages: [{ id: "a", role: "assistant", content: "Partial", status: "stopped" }] },
    });
    expect(stopped).toContain("### Assistant\n\nPartial\n\n_Stopped by the user before the model finished._\n");
  });

  it("keeps inline code intact when a name contains backticks", () => {
    const odd = toMarkdown({ title: "t", snapshot: { ...snapshot, variables: { "a`b": "``x``" } } });
    expect(odd).toContain("- ``{a`b}`` = ``` ``x`` ```");
  });
});
