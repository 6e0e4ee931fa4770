import { diffLines } from "diff";
import type { ConversationMessage, Parameters, SavedSnapshot, ToolDefinition } from "@/lib/workspace/model";
import { unsetParameterText, type NullableParameter } from "@/lib/i18n/parameter-words";
import { parseJson } from "@/lib/json";

/**
 * A structured comparison of two prompt versions, field by field, with line-level text diffs a
 * UI renders as added and removed lines.
 */

export type DiffLine = { kind: "added" | "removed" | "unchanged"; text: string };
export type TextDiff = { changed: boolean; lines: DiffLine[] };
export type DiffStatus = "added" | "removed" | "changed" | "unchanged";

export type MessageDiff = {
  /** Position in the conversation, from 0. Messages are compared by position. */
  index: number;
  status: DiffStatus;
  role: { before?: ConversationMessage["role"]; after?: ConversationMessage["role"] };
  content: TextDiff;
  /** An assistant message's tool calls, or the call a tool result answers. */
  tools: TextDiff;
};

export type ParameterDiff = {
  name: keyof Parameters;
  status: "changed" | "unchanged";
  before: string;
  after: string;
  diff: TextDiff;
};

export type VariableDiff = {
  name: string;
  status: DiffStatus;
  before?: string;
  after?: string;
  diff: TextDiff;
};

export type PromptDiff = {
  changed: boolean;
  system: TextDiff;
  messages: MessageDiff[];
  /** The composer's unsent text, the next user message Run would send. */
  composer: TextDiff;
  parameters: ParameterDiff[];
  variables: VariableDiff[];
};

/**
 * Each line gets its line break before diffing, so the last lines compare like the others and a
 * text that only gained a final newline shows one added empty line.
 */
export function diffText(before: string, after: string): TextDiff {
  const withBreak = (text: string) => (text === "" ? "" : `${text}\n`);
  const lines = diffLines(withBreak(before), withBreak(after)).flatMap((change) => {
    const kind = change.added ? "added" : change.removed ? "removed" : "unchanged";
    return change.value
      .split("\n")
      .slice(0, -1)
      .map((text): DiffLine => ({ kind, text }));
  });
  return { changed: before !== after, lines };
}

function status(before: unknown, after: unknown, changed: boolean): DiffStatus {
  if (before === undefined) return "added";
  if (after === undefined) return "removed";
  return changed ? "changed" : "unchanged";
}

function toolLines(message: ConversationMessage | undefined): string {
  if (!message) return "";
  if (message.role === "assistant") {
    return (message.toolCalls ?? []).map((call) => `${call.name}(${call.arguments}) [${call.id}]`).join("\n");
  }
  if (message.role === "tool") return `${message.name} [${message.toolCallId}]`;
  return "";
}

function diffMessage(index: number, before?: ConversationMessage, after?: ConversationMessage): MessageDiff {
  const content = diffText(before?.content ?? "", after?.content ?? "");
  const tools = diffText(toolLines(before), toolLines(after));
  const roleChanged = before?.role !== after?.role;
  return {
    index,
    status: status(before, after, roleChanged || content.changed || tools.changed),
    role: { before: before?.role, after: after?.role },
    content,
    tools,
  };
}

function parseJsonOrText(text: string): unknown {
  const parsed = parseJson(text);
  return parsed.ok ? parsed.value : text;
}

/** Parameters as readable text; schemas the user typed as JSON text are shown as JSON. */
function formatParameter(name: keyof Parameters, value: Parameters[keyof Parameters]): string {
  // Only the nullable parameters can be null.
  if (value === null) return unsetParameterText(name as NullableParameter);
  if (typeof value !== "object") return String(value);
  if (name === "tools") {
    const tools = value as ToolDefinition[];
    return JSON.stringify(
      tools.map((tool) => ({ ...tool, parameters: parseJsonOrText(tool.parameters) })),
      null,
      2,
    );
  }
  if (name === "responseFormat" && "schema" in value) {
    return JSON.stringify({ ...value, schema: parseJsonOrText(value.schema) }, null, 2);
  }
  return JSON.stringify(value, null, 2);
}

function orderedUnion<T>(a: Iterable<T>, b: Iterable<T>): T[] {
  return [...new Set([...a, ...b])];
}

export function diffVersions(a: SavedSnapshot, b: SavedSnapshot): PromptDiff {
  const system = diffText(a.system, b.system);

  const messages = Array.from({ length: Math.max(a.messages.length, b.messages.length) }, (_, i) =>
    diffMessage(i, a.messages[i], b.messages[i]),
  );

  const composer = diffText(a.composer ?? "", b.composer ?? "");

  const parameterNames = orderedUnion(Object.keys(a.parameters), Object.keys(b.parameters)) as (keyof Parameters)[];
  const parameters = parameterNames.map((name): ParameterDiff => {
    const before = formatParameter(name, a.parameters[name]);
    const after = formatParameter(name, b.parameters[name]);
    const diff = diffText(before, after);
    return { name, status: diff.changed ? "changed" : "unchanged", before, after, diff };
  });

  const variables = orderedUnion(Object.keys(a.variables), Object.keys(b.variables)).map((name): VariableDiff => {
    const before = Object.hasOwn(a.variables, name) ? a.variables[name] : undefined;
    const after = Object.hasOwn(b.variables, name) ? b.variables[name] : undefined;
    const diff = diffText(before ?? "", after ?? "");
    return { name, status: status(before, after, diff.changed), before, after, diff };
  });

  const changed =
    system.changed ||
    messages.some((message) => message.status !== "unchanged") ||
    composer.changed ||
    parameters.some((parameter) => parameter.status !== "unchanged") ||
    variables.some((variable) => variable.status !== "unchanged");
  return { changed, system, messages, composer, parameters, variables };
}
