import { type ConversationMessage, type ToolCall, type ToolDefinition, type ToolMessage } from "@/lib/workspace/model";

/**
 * Tool calls and tool results as kinds of conversation messages: what the editor offers, and
 * the pure edits behind the store's actions.
 */
export type MessageKind = "user" | "assistant" | "tool_calls" | "tool";

export function kindOf(message: ConversationMessage): MessageKind {
  if (message.role === "assistant" && message.toolCalls?.length) return "tool_calls";
  return message.role;
}

const ID_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

/** A tool-call id as Mistral makes them: nine ASCII letters or digits. */
export function newToolCallId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(9));
  return Array.from(bytes, (byte) => ID_ALPHABET[byte % ID_ALPHABET.length]).join("");
}

/** One tool message per call, answering it by its id; pre-filled with the tool's mock result. */
export function toolResultsFor(
  calls: readonly ToolCall[],
  tools: readonly ToolDefinition[],
  newId: () => string,
): ToolMessage[] {
  return calls.map((call) => ({
    id: newId(),
    role: "tool",
    toolCallId: call.id,
    name: call.name,
    content: tools.find((tool) => tool.name === call.name)?.mockResult ?? "",
  }));
}

/** The calls that the tool message at `index` can answer: those of the assistant message before it. */
export function answerableCalls(messages: readonly ConversationMessage[], index: number): ToolCall[] {
  for (let i = index - 1; i >= 0; i -= 1) {
    const message = messages[i];
    if (message?.role === "assistant") return message.toolCalls ?? [];
    if (message?.role !== "tool") return [];
  }
  return [];
}

/** The first of those calls that no tool message in the run answers yet. */
function firstUnansweredCall(messages: readonly ConversationMessage[], index: number): ToolCall | undefined {
  const answered = new Set<string>();
  for (let i = index - 1; messages[i]?.role === "tool"; i -= 1) answered.add((messages[i] as ToolMessage).toolCallId);
  for (let i = index + 1; messages[i]?.role === "tool"; i += 1) answered.add((messages[i] as ToolMessage).toolCallId);
  const calls = answerableCalls(messages, index);
  return calls.find((call) => !answered.has(call.id)) ?? calls[0];
}

/**
 * The message at `index` turned into another kind. Its text is kept (a tool-call message with
 * text is flagged before running, not silently emptied); an answer's metadata stays with it.
 */
export function withKind(
  messages: readonly ConversationMessage[],
  index: number,
  kind: MessageKind,
  tools: readonly ToolDefinition[],
): ConversationMessage | undefined {
  const message = messages[index];
  if (!message || kindOf(message) === kind) return message;
  const { id, content } = message;
  // Undefined keys vanish when persisted (JSON), so copying them over is harmless.
  const answer = message.role === "assistant" ? { metadata: message.metadata, status: message.status } : {};
  switch (kind) {
    case "user":
      return { id, role: "user", content };
    case "assistant":
      return { id, role: "assistant", content, ...answer };
    case "tool_calls":
      return {
        id,
        role: "assistant",
        content,
        ...answer,
        toolCalls: [{ id: newToolCallId(), name: tools[0]?.name ?? "", arguments: "{}" }],
      };
    case "tool": {
      const call = firstUnansweredCall(messages, index);
      return { id, role: "tool", toolCallId: call?.id ?? "", name: call?.name ?? "", content };
    }
  }
}

function editCalls(
  messages: readonly ConversationMessage[],
  messageId: string,
  edit: (calls: ToolCall[]) => ToolCall[],
): ConversationMessage[] {
  return messages.map((m) =>
    m.id === messageId && m.role === "assistant" ? { ...m, toolCalls: edit(m.toolCalls ?? []) } : m,
  );
}

/** The tool messages right after `messageId` that answer `callId`, edited (or dropped by `null`). */
function editResults(
  messages: readonly ConversationMessage[],
  messageId: string,
  callId: string,
  edit: (result: ToolMessage) => ToolMessage | null,
): ConversationMessage[] {
  const start = messages.findIndex((m) => m.id === messageId) + 1;
  let end = start;
  while (start > 0 && messages[end]?.role === "tool") end += 1;
  return messages.flatMap((m, i) =>
    i >= start && i < end && m.role === "tool" && m.toolCallId === callId ? (edit(m) ?? []) : [m],
  );
}

export function addToolCall(
  messages: readonly ConversationMessage[],
  messageId: string,
  tools: readonly ToolDefinition[],
) {
  return editCalls(messages, messageId, (calls) => [
    ...calls,
    { id: newToolCallId(), name: tools[0]?.name ?? "", arguments: "{}" },
  ]);
}

/** Edits a call; the results answering it follow a change of its function's name. */
export function updateToolCall(
  messages: readonly ConversationMessage[],
  messageId: string,
  callId: string,
  patch: Partial<Pick<ToolCall, "name" | "arguments">>,
): ConversationMessage[] {
  const edited = editCalls(messages, messageId, (calls) =>
    calls.map((c) => (c.id === callId ? { ...c, ...patch } : c)),
  );
  const { name } = patch;
  return name === undefined ? edited : editResults(edited, messageId, callId, (result) => ({ ...result, name }));
}

/** Removes a call and the results answering it: Mistral wants one result per call, no more. */
export function removeToolCall(
  messages: readonly ConversationMessage[],
  messageId: string,
  callId: string,
): ConversationMessage[] {
  const edited = editCalls(messages, messageId, (calls) => calls.filter((c) => c.id !== callId));
  return editResults(edited, messageId, callId, () => null);
}
