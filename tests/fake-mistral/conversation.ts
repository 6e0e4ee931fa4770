/**
 * The conversation rules the hosted API enforces after schema validation, ported from
 * mistral-common's `MistralRequestValidator` (V3 tool-call ids, V13 tool-call/result matching;
 * FACTS §1.2 "MC"), with the HTTP 400 bodies recorded in recorded/errors/400_*.json.
 * Checks run in mistral-common's order, so the first failing rule is the one reported.
 */
import { Ajv } from "ajv";
import { invalidFunctionCall, invalidRequest, messageOrder, type JsonReply } from "./errors.ts";

export type ToolCall = { id?: string; type?: string; function: { name: string; arguments: unknown } };
export type Message =
  | { role: "system"; content: unknown }
  | { role: "user"; content: unknown }
  | { role: "assistant"; content?: unknown; tool_calls?: ToolCall[] | null; prefix?: boolean }
  | { role: "tool"; content: unknown; tool_call_id?: string | null; name?: string | null };
export type Tool = { type?: string; function?: { name: string; parameters: unknown } };

const TOOL_CALL_ID = /^[a-zA-Z0-9]{9}$/;
const FUNCTION_NAME = /^[a-zA-Z0-9_-]{1,64}$/;

// `Conversation must…`, role order, tool-call/result pairing: mistral-common's
// InvalidMessageStructureException, served as invalid_request_message_order / "3230".
const allowedAfter: Record<Message["role"], Message["role"][]> = {
  system: ["user", "assistant", "system"],
  user: ["assistant", "system", "user"],
  assistant: ["assistant", "user", "tool"],
  tool: ["assistant", "tool"],
};

function checkStructure(messages: Message[]): JsonReply | null {
  const first = messages[0];
  if (first === undefined) return messageOrder("Conversation must have at least one message");
  if (messages.length === 1 && first.role !== "user" && first.role !== "system") {
    return messageOrder("Conversation must start with a user message or system message");
  }
  const last = messages.at(-1);
  if (
    messages.length > 1 &&
    last &&
    last.role !== "user" &&
    last.role !== "tool" &&
    !(last.role === "assistant" && last.prefix)
  ) {
    // Wording of recorded/errors/400_last_role_assistant_2025-06.json; type/code as seen in 2026 (FACTS §4.2).
    return messageOrder(
      `Expected last role User or Tool (or Assistant with prefix True) for serving but got ${last.role}`,
    );
  }
  for (let i = 1; i < messages.length; i++) {
    const previous = messages[i - 1]!.role;
    const current = messages[i]!.role;
    if (!allowedAfter[previous].includes(current))
      return messageOrder(`Unexpected role '${current}' after role '${previous}'`);
  }
  return checkToolResults(messages);
}

/** mistral-common V13 `_validate_tool_calls_followed_by_tool_messages`. */
function checkToolResults(messages: Message[]): JsonReply | null {
  const expected = new Set<string | undefined>();
  const observed = new Set<string | null | undefined>();
  for (const message of messages.slice(1)) {
    if (message.role === "tool") {
      if (observed.has(message.tool_call_id))
        return messageOrder(`Duplicate tool call id ${String(message.tool_call_id)} in tool results`);
      if (!expected.has(message.tool_call_id ?? undefined))
        return messageOrder(`Unexpected tool call id ${String(message.tool_call_id)} in tool results`);
      observed.add(message.tool_call_id);
    } else if (message.role === "assistant") {
      if (expected.size !== observed.size) return messageOrder("Not the same number of function calls and responses");
      expected.clear();
      observed.clear();
      for (const call of message.tool_calls ?? []) {
        if (expected.has(call.id))
          return messageOrder(`Duplicate tool call id ${String(call.id)} in assistant message`);
        expected.add(call.id);
      }
    }
  }
  return expected.size === observed.size ? null : messageOrder("Not the same number of function calls and responses");
}

function hasContent(content: unknown): boolean {
  // Python truthiness, as in mistral-common: "" / null / [] count as no content.
  return Array.isArray(content)
    ? content.length > 0
    : typeof content === "string"
      ? content.length > 0
      : content != null;
}

function badToolCallId(id: string): JsonReply {
  return invalidFunctionCall(`Tool call id was ${id} but must be a-z, A-Z, 0-9, with a length of 9.`);
}

function badFunctionName(name: string): string {
  return `Function name was ${name} but must be a-z, A-Z, 0-9, or contain underscores and dashes, with a maximum length of 64.`;
}

function checkMessage(message: Message, isLast: boolean): JsonReply | null {
  if (message.role === "assistant") {
    const calls = message.tool_calls ?? [];
    // The one real body for this rule (400_assistant_content_and_tool_calls_2025-03.json) is used
    // for "both" and "neither"; "" and null count as no content.
    if (hasContent(message.content) === calls.length > 0) {
      return invalidRequest("Assistant message must have either content or tool_calls, but not both.");
    }
    for (const call of calls) {
      const id = call.id ?? "null"; // the schema's default for a missing id
      if (id === "null") return invalidFunctionCall("Tool call id has to be defined in serving mode.");
      if (!TOOL_CALL_ID.test(id)) return badToolCallId(id);
      if (!FUNCTION_NAME.test(call.function.name)) return invalidFunctionCall(badFunctionName(call.function.name));
    }
    if (message.prefix && !isLast) return invalidRequest("Assistant message with prefix True must be last message");
  }
  if (message.role === "tool") {
    if (message.name != null && !FUNCTION_NAME.test(message.name))
      return invalidFunctionCall(badFunctionName(message.name));
    if (message.tool_call_id == null) return invalidRequest("Tool call id has to be defined.");
    if (!TOOL_CALL_ID.test(message.tool_call_id)) return badToolCallId(message.tool_call_id);
  }
  return null;
}

// mistral-common checks tool parameters with jsonschema's Draft7Validator.check_schema.
const draft7 = new Ajv({ strict: false, validateFormats: false, logger: false });

function checkTools(tools: Tool[]): JsonReply | null {
  for (const tool of tools) {
    const fn = tool.function;
    if (fn === undefined) continue; // built-in connectors (web_search…) carry no function
    if (!draft7.validateSchema(fn.parameters as object)) {
      const error = draft7.errors?.[0];
      return invalidRequest(
        `Invalid tool schema: ${error ? `${error.instancePath || "/"} ${error.message ?? ""}`.trim() : "invalid"}`,
      );
    }
    if (!FUNCTION_NAME.test(fn.name)) return invalidRequest(badFunctionName(fn.name));
  }
  return null;
}

/** Runs after the body passed the OpenAPI schema, so the shapes above hold. */
export function checkConversation(messages: Message[], tools: Tool[] | null | undefined): JsonReply | null {
  const structure = checkStructure(messages);
  if (structure) return structure;
  for (const [i, message] of messages.entries()) {
    const problem = checkMessage(message, i === messages.length - 1);
    if (problem) return problem;
  }
  return checkTools(tools ?? []);
}
