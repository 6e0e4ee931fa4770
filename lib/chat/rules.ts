import { t } from "@/lib/i18n";
import type { ChatMessage } from "./request";
import { TOOL_CALL_ID_PATTERN } from "@/lib/workspace/model";

/**
 * Mistral's conversation rules (mistral-common's validator, which the API applies and
 * answers with HTTP 400), checked before sending so the user learns what to fix at once.
 */
export type RuleViolation =
  | { rule: "empty_conversation" }
  | { rule: "system_not_first"; index: number }
  | { rule: "empty_message"; index: number }
  | { rule: "last_role"; index: number }
  | { rule: "user_after_tool"; index: number }
  | { rule: "tool_without_call"; index: number }
  | { rule: "unanswered_tool_calls"; index: number; missing: number }
  | { rule: "bad_tool_call_id"; index: number; id: string }
  | { rule: "content_and_tool_calls"; index: number };

export type RuleCheck = { ok: true; continueAssistant: boolean } | { ok: false; error: RuleViolation };

function violation(error: RuleViolation): RuleCheck {
  return { ok: false, error };
}

/** Checks a conversation about to be sent. `continueAssistant`: the last message is an
 * assistant message that Mistral should continue (sent with `prefix: true`). */
export function checkConversation(messages: readonly ChatMessage[]): RuleCheck {
  const result = checkMessages(messages);
  // Report positions in the conversation as the editor numbers it: the system message apart.
  if (result.ok || !("index" in result.error) || messages[0]?.role !== "system") return result;
  return violation({ ...result.error, index: result.error.index - 1 });
}

function checkMessages(messages: readonly ChatMessage[]): RuleCheck {
  if (!messages.some((m) => m.role !== "system")) return violation({ rule: "empty_conversation" });

  for (const [index, message] of messages.entries()) {
    if (message.role === "system" && index > 0) return violation({ rule: "system_not_first", index });
    const hasToolCalls = message.role === "assistant" && (message.toolCalls?.length ?? 0) > 0;
    const hasAttachments = message.role === "user" && (message.attachments?.length ?? 0) > 0;
    if (message.content.trim() === "" && !hasToolCalls && !hasAttachments && message.role !== "tool") {
      return violation({ rule: "empty_message", index });
    }
    const previous = messages[index - 1];
    if (message.role === "user" && previous?.role === "tool") return violation({ rule: "user_after_tool", index });

    if (message.role === "assistant" && message.toolCalls?.length) {
      // mistral-common: an assistant message has content or tool calls, never both.
      if (message.content !== "") return violation({ rule: "content_and_tool_calls", index });
      for (const call of message.toolCalls) {
        if (!TOOL_CALL_ID_PATTERN.test(call.id)) return violation({ rule: "bad_tool_call_id", index, id: call.id });
      }
      // Every call must be answered by the tool messages that follow, one each.
      const answers = new Set<string>();
      let next = index + 1;
      while (messages[next]?.role === "tool") {
        const tool = messages[next] as Extract<ChatMessage, { role: "tool" }>;
        answers.add(tool.toolCallId);
        next += 1;
      }
      const missing = message.toolCalls.filter((call) => !answers.has(call.id)).length;
      const extra = next - index - 1 - (message.toolCalls.length - missing);
      if (missing > 0) return violation({ rule: "unanswered_tool_calls", index, missing });
      if (extra > 0) return violation({ rule: "tool_without_call", index: index + 1 + message.toolCalls.length });
    }
    if (message.role === "tool") {
      const owner = findCallingAssistant(messages, index);
      if (!owner?.toolCalls?.some((call) => call.id === message.toolCallId)) {
        return violation({ rule: "tool_without_call", index });
      }
    }
  }

  const lastIndex = messages.length - 1;
  const last = messages[lastIndex];
  if (last?.role === "system") return violation({ rule: "last_role", index: lastIndex });
  return { ok: true, continueAssistant: last?.role === "assistant" };
}

function findCallingAssistant(messages: readonly ChatMessage[], toolIndex: number) {
  for (let i = toolIndex - 1; i >= 0; i -= 1) {
    const candidate = messages[i];
    if (candidate?.role === "assistant") return candidate;
    if (candidate?.role !== "tool") return undefined;
  }
  return undefined;
}

/** The sentence the user reads; message numbers count from 1 as the editor shows them. */
export function describeViolation(error: RuleViolation): string {
  const n = "index" in error ? error.index + 1 : 0;
  switch (error.rule) {
    case "empty_conversation":
      return t("rules.emptyConversation");
    case "system_not_first":
      return t("rules.systemNotFirst", { n });
    case "empty_message":
      return t("rules.emptyMessage", { n });
    case "last_role":
      return t("rules.lastRole");
    case "user_after_tool":
      return t("rules.userAfterTool", { n });
    case "tool_without_call":
      return t("rules.toolWithoutCall", { n });
    case "unanswered_tool_calls":
      return t("rules.unansweredToolCalls", { n, missing: error.missing });
    case "bad_tool_call_id":
      return t("rules.badToolCallId", { n, id: error.id });
    case "content_and_tool_calls":
      return t("rules.contentAndToolCalls", { n });
  }
}
