import { describe, expect, it } from "vitest";
import { buildChatRequest } from "@/lib/chat/build-request";
import { defaultParameters, type ConversationMessage } from "@/lib/workspace/model";

const translator = {
  system: "You are a helpful assistant that translates {input_language} to {output_language}.",
  messages: [{ id: "1", role: "user", content: "{input}" }] as ConversationMessage[],
  parameters: { ...defaultParameters, temperature: 0 },
  variables: { input_language: "English", output_language: "German", input: "I love programming." },
};

describe("buildChatRequest", () => {
  it("renders the templates with the variables' values", () => {
    const built = buildChatRequest(translator);
    expect(built.ok && built.value.messages).toEqual([
      { role: "system", content: "You are a helpful assistant that translates English to German." },
      { role: "user", content: "I love programming." },
    ]);
    expect(built.ok && built.value.parameters.temperature).toBe(0);
  });

  it("names every missing value instead of sending a placeholder", () => {
    const built = buildChatRequest({ ...translator, variables: { input: "x" } });
    expect(built.ok).toBe(false);
    if (!built.ok) {
      expect(built.error).toContain("input_language");
      expect(built.error).toContain("output_language");
    }
  });

  it("sends assistant text as written, braces included", () => {
    const built = buildChatRequest({
      ...translator,
      messages: [
        ...translator.messages,
        { id: "2", role: "assistant", content: '{"a": 1}' },
        { id: "3", role: "user", content: "More" },
      ],
    });
    expect(built.ok && built.value.messages[2]).toEqual({ role: "assistant", content: '{"a": 1}' });
  });

  it("renders with the values given instead of the snapshot's own", () => {
    const built = buildChatRequest(translator, {
      values: { input_language: "English", output_language: "French", input: "Hello" },
    });
    expect(built.ok && built.value.messages).toEqual([
      { role: "system", content: "You are a helpful assistant that translates English to French." },
      { role: "user", content: "Hello" },
    ]);
  });

  it("omits an empty system message", () => {
    const built = buildChatRequest({ ...translator, system: "  " });
    expect(built.ok && built.value.messages.map((m) => m.role)).toEqual(["user"]);
  });

  it("refuses tool parameters that are not a JSON object, naming the tool", () => {
    const built = buildChatRequest({
      ...translator,
      parameters: { ...translator.parameters, tools: [{ name: "weather", description: "", parameters: "[1," }] },
    });
    expect(built).toEqual({ ok: false, error: expect.stringContaining('"weather"') });
  });
});
