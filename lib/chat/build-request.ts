import { format, messages as t } from "@/lib/i18n";
import type { ChatMessage, ChatParameters, ChatRequest } from "./request";
import { checkConversation, describeViolation } from "./rules";
import { renderPrompt } from "./template";
import type { Parameters, PromptSnapshot } from "@/lib/workspace/model";

export type BuildResult = { ok: true; value: ChatRequest } | { ok: false; error: string };

function parseJsonObject(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

function toChatParameters(parameters: Parameters): { ok: true; value: ChatParameters } | { ok: false; error: string } {
  const tools: ChatParameters["tools"] = [];
  for (const tool of parameters.tools) {
    const schema = parseJsonObject(tool.parameters);
    if (!schema) return { ok: false, error: format(t.build.toolParametersInvalid, { name: tool.name || "?" }) };
    tools.push({ name: tool.name, description: tool.description, parameters: schema });
  }
  let responseFormat: ChatParameters["responseFormat"];
  if (parameters.responseFormat.type === "json_schema") {
    const schema = parseJsonObject(parameters.responseFormat.schema);
    if (!schema) return { ok: false, error: t.build.responseSchemaInvalid };
    const { name, strict } = parameters.responseFormat;
    responseFormat = { type: "json_schema", name, strict, schema };
  } else {
    responseFormat = parameters.responseFormat;
  }
  const { model, temperature, maxTokens, topP, randomSeed, stop, safePrompt, maxRetries } = parameters;
  const { toolChoice, parallelToolCalls } = parameters;
  return {
    ok: true,
    value: {
      model,
      temperature,
      maxTokens,
      topP,
      randomSeed,
      stop,
      safePrompt,
      maxRetries,
      responseFormat,
      tools,
      toolChoice,
      parallelToolCalls,
    },
  };
}

/**
 * The request `/api/chat` receives for a prompt: its templates rendered with `values` (the
 * snapshot's own variables unless given), Mistral's conversation rules checked, parameters parsed.
 * Nothing is sent when any of it fails; the error says what to fix. Run, Regenerate and the
 * translation demo all send what this builds.
 */
export function buildChatRequest(
  snapshot: PromptSnapshot,
  options: { values?: Readonly<Record<string, string>> } = {},
): BuildResult {
  const rendered = renderPrompt(snapshot, options.values ?? snapshot.variables);
  if (!rendered.ok) return { ok: false, error: rendered.error.message };

  const messages: ChatMessage[] = [];
  if (rendered.value.system.trim() !== "") messages.push({ role: "system", content: rendered.value.system });
  for (const message of rendered.value.messages) {
    if (message.role === "tool") {
      messages.push({ role: "tool", toolCallId: message.toolCallId, name: message.name, content: message.content });
    } else if (message.role === "assistant" && message.toolCalls?.length) {
      messages.push({ role: "assistant", content: message.content, toolCalls: message.toolCalls });
    } else {
      messages.push({ role: message.role, content: message.content });
    }
  }
  const rules = checkConversation(messages);
  if (!rules.ok) return { ok: false, error: describeViolation(rules.error) };
  const parameters = toChatParameters(snapshot.parameters);
  if (!parameters.ok) return parameters;
  return { ok: true, value: { messages, parameters: parameters.value } };
}
