import { describe, expect, it } from "vitest";
import type { ChatMessage } from "@/lib/chat/request";
import { checkConversation, describeViolation } from "@/lib/chat/rules";

const system: ChatMessage = { role: "system", content: "Be brief." };
const user = (content: string): ChatMessage => ({ role: "user", content });
const assistant = (content: string, toolCalls?: { id: string; name: string; arguments: string }[]): ChatMessage =>
  toolCalls ? { role: "assistant", content, toolCalls } : { role: "assistant", content };
const toolResult = (toolCallId: string, content = "18°C"): ChatMessage => ({
  role: "tool",
  toolCallId,
  name: "weather",
  content,
});
const call = (id: string) => ({ id, name: "weather", arguments: '{"city":"Paris"}' });

describe("checkConversation", () => {
  it("accepts a system message and a user message", () => {
    expect(checkConversation([system, user("Hi")])).toEqual({ ok: true, continueAssistant: false });
  });

  it("marks a trailing assistant message as one to continue (prefix: true)", () => {
    expect(checkConversation([user("Hi"), assistant("Hel")])).toEqual({ ok: true, continueAssistant: true });
  });

  it("needs a message besides the system message", () => {
    expect(checkConversation([system])).toEqual({ ok: false, error: { rule: "empty_conversation" } });
  });

  it("refuses an empty message and numbers it as the editor does", () => {
    const result = checkConversation([system, user("Hi"), assistant(" "), user("Again")]);
    expect(result).toEqual({ ok: false, error: { rule: "empty_message", index: 1 } });
    if (!result.ok) expect(describeViolation(result.error)).toContain("Message 2 is empty");
  });

  it("refuses a user message right after a tool result", () => {
    const result = checkConversation([
      user("Weather?"),
      assistant("", [call("abcDEF123")]),
      toolResult("abcDEF123"),
      user("And?"),
    ]);
    expect(result).toEqual({ ok: false, error: { rule: "user_after_tool", index: 3 } });
  });

  it("accepts a full tool round trip", () => {
    const result = checkConversation([user("Weather?"), assistant("", [call("abcDEF123")]), toolResult("abcDEF123")]);
    expect(result.ok).toBe(true);
  });

  it("needs a result for every call", () => {
    const result = checkConversation([
      user("Weather?"),
      assistant("", [call("abcDEF123"), call("xyzXYZ789")]),
      toolResult("abcDEF123"),
    ]);
    expect(result).toEqual({ ok: false, error: { rule: "unanswered_tool_calls", index: 1, missing: 1 } });
  });

  it("refuses a tool result that answers no call", () => {
    const result = checkConversation([user("Weather?"), assistant("", [call("abcDEF123")]), toolResult("zzzzzzzzz")]);
    expect(result.ok).toBe(false);
  });

  it("refuses tool-call ids that are not nine letters or digits", () => {
    const result = checkConversation([user("Weather?"), assistant("", [call("call_0fyp")]), toolResult("call_0fyp")]);
    expect(result).toEqual({ ok: false, error: { rule: "bad_tool_call_id", index: 1, id: "call_0fyp" } });
  });

  it("refuses an assistant message with both text and tool calls, as Mistral does", () => {
    const result = checkConversation([
      user("Weather?"),
      assistant("Let me check.", [call("abcDEF123")]),
      toolResult("abcDEF123"),
    ]);
    expect(result).toEqual({ ok: false, error: { rule: "content_and_tool_calls", index: 1 } });
    if (!result.ok) expect(describeViolation(result.error)).toContain("Message 2 has both text and tool calls");
  });

  it("refuses a system message after the start", () => {
    expect(checkConversation([user("Hi"), { role: "system", content: "Late" }]).ok).toBe(false);
  });
});
