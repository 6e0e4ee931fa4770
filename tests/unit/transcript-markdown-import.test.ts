import { describe, expect, it } from "vitest";
import { defaultParameters, type ConversationMessage, type PromptSnapshot } from "@/lib/workspace/model";
import { toMarkdown } from "@/lib/export/transcript-markdown";
import { parseTranscriptMarkdown } from "@/lib/export/transcript-markdown-import";

const snapshot: PromptSnapshot = {
  system: "Answer about {city}.\n\n## Conversation\n\nThat heading above is part of the system message.",
  messages: [
    {
      id: "u1",
      role: "user",
      content: "Weather in {city}? 天気は？\n\n### Assistant\n\n```\n### User\n```",
      attachments: [
        { kind: "image", id: "i1", name: "map [v2].png", url: "https://example.com/a map.png" },
        { kind: "document", id: "d1", name: "notes.pdf", url: "https://example.com/notes.pdf" },
      ],
    },
    {
      id: "a1",
      role: "assistant",
      content: "",
      reasoning: "The user wants weather.\n\nCall the tool.",
      toolCalls: [{ id: "abc123XYZ", name: "get_weather", arguments: '{"city":"Paris","unit":"c"}' }],
      metadata: {
        model: "mistral-large-2411",
        usage: { promptTokens: 120, completionTokens: 18, totalTokens: 138, cachedTokens: 64 },
        finishReason: "tool_calls",
        durationMs: 1200,
      },
    },
    { id: "t1", role: "tool", toolCallId: "abc123XYZ", name: "get_weather", content: "Report:\n```\n21 °C\n```" },
    {
      id: "a2",
      role: "assistant",
      content: "Sunny, **21 °C**.\n_Usage: a line the model wrote_\n\n```js\nconsole.log(1)\n```",
      status: "stopped",
    },
    { id: "u2", role: "user", content: "Thanks" },
    { id: "a3", role: "assistant", content: "Here:\n~~~~python\nprint(1)\n~~~~", status: "interrupted" },
  ],
  parameters: {
    ...defaultParameters,
    model: "mistral-small-latest",
    temperature: 0.3,
    maxTokens: 512,
    topP: 0.9,
    randomSeed: 42,
    stop: ["\n\nUser:", "END`"],
    safePrompt: true,
    maxRetries: 4,
    presencePenalty: 0.5,
    frequencyPenalty: -0.25,
    reasoningEffort: "high",
    prediction: "Sunny\n```\n",
    responseFormat: { type: "json_schema", name: "weather", schema: '{\n  "type": "object"\n}', strict: true },
    tools: [
      {
        name: "get_weather",
        description: "Current weather for a city.",
        parameters: '{\n  "type": "object",\n  "properties": {\n    "city": {\n      "type": "string"\n    }\n  }\n}',
      },
    ],
    toolChoice: { type: "function", name: "get_weather" },
    parallelToolCalls: false,
  },
  variables: { city: "Paris", notes: "line one\nline two", empty: "", spaced: "  edge " },
};

/** Ids are new on import; everything else comes back. */
function withoutIds(messages: readonly ConversationMessage[]) {
  return messages.map(({ id: _id, ...message }) => ({
    ...message,
    ...("attachments" in message && message.attachments
      ? { attachments: message.attachments.map(({ id: _attachment, ...attachment }) => attachment) }
      : {}),
  }));
}

describe("importing a Markdown export", () => {
  it("gives back the snapshot it was made from: roles, parameters, tools, variables, attachments", () => {
    const parsed = parseTranscriptMarkdown(toMarkdown({ title: "Weather in Paris", snapshot }));
    if (!parsed.ok) throw new Error(parsed.error.message);
    const { title, snapshot: back } = parsed.value;
    expect(title).toBe("Weather in Paris");
    expect(back.system).toBe(snapshot.system);
    expect(back.parameters).toEqual(snapshot.parameters);
    expect(back.variables).toEqual(snapshot.variables);
    expect(withoutIds(back.messages)).toEqual(withoutIds(snapshot.messages));
  });

  it("reads a share page's Markdown with its date line, and defaults for a bare conversation", () => {
    const bare: PromptSnapshot = {
      system: "",
      messages: [{ id: "u", role: "user", content: "Hi" }],
      parameters: defaultParameters,
      variables: {},
    };
    const parsed = parseTranscriptMarkdown(
      toMarkdown({ title: "Hi", snapshot: bare, createdAt: "2026-03-01T10:00:00Z" }),
    );
    expect(parsed.ok && parsed.value.snapshot.parameters).toEqual(defaultParameters);
    expect(parsed.ok && withoutIds(parsed.value.snapshot.messages)).toEqual([{ role: "user", content: "Hi" }]);
  });

  it("reads exports made before one wording: {{name}} variables, seed none", () => {
    const old = [
      "# Old",
      "## Parameters",
      "- **Model:** `mistral-large-latest`\n- **Temperature:** model default\n- **Seed:** none\n- **Stop:** none",
      "## Variables",
      "- `{{city}}` = `Paris`",
      "## Conversation",
      "### User",
      "Weather in {city}?",
    ].join("\n\n");
    const parsed = parseTranscriptMarkdown(old);
    expect(parsed.ok && parsed.value.snapshot.variables).toEqual({ city: "Paris" });
    expect(parsed.ok && parsed.value.snapshot.parameters.randomSeed).toBeNull();
  });

  it("refuses Markdown that is not a transcript, or a value it cannot read, saying which", () => {
    expect(parseTranscriptMarkdown("# Notes\n\nJust notes.")).toEqual({
      ok: false,
      error: {
        message:
          "This Markdown is not a playground transcript: it has no “## Parameters” and “## Conversation” sections. Choose a file exported from the playground.",
      },
    });
    const bad = "# T\n\n## Parameters\n\n- **Temperature:** warm\n\n## Conversation\n\n### User\n\nHi";
    expect(parseTranscriptMarkdown(bad)).toEqual({
      ok: false,
      error: { message: "This Markdown transcript gives Temperature as “warm”, which the playground cannot read." },
    });
  });
});
