import { t } from "@/lib/i18n";
import { checkAttachments } from "./attachments";
import { parameterLimits } from "./limits";
import type { ChatMessage, ChatParameters, ChatRequest } from "./request";
import { checkConversation, describeViolation } from "./rules";
import { renderPrompt } from "./template";
import type { Parameters, PromptSnapshot } from "@/lib/workspace/model";
import { isJsonObject, parseJson, type JsonObject } from "@/lib/json";

export type BuildResult = { ok: true; value: ChatRequest } | { ok: false; error: string };

function parseJsonObject(text: string): JsonObject | undefined {
  const parsed = parseJson(text);
  return parsed.ok && isJsonObject(parsed.value) ? parsed.value : undefined;
}

function toChatParameters(parameters: Parameters): { ok: true; value: ChatParameters } | { ok: false; error: string } {
  const tools: ChatParameters["tools"] = [];
  for (const tool of parameters.tools) {
    const schema = parseJsonObject(tool.parameters);
    if (!schema) return { ok: false, error: t("build.toolParametersInvalid", { name: tool.name || "?" }) };
    tools.push({ name: tool.name, description: tool.description, parameters: schema });
  }
  let responseFormat: ChatParameters["responseFormat"];
  if (parameters.responseFormat.type === "json_schema") {
    const schema = parseJsonObject(parameters.responseFormat.schema);
    if (!schema) return { ok: false, error: t("build.responseSchemaInvalid") };
    const { name, strict } = parameters.responseFormat;
    responseFormat = { type: "json_schema", name, strict, schema };
  } else {
    responseFormat = parameters.responseFormat;
  }
  if (parameters.prediction.length > parameterLimits.predictionChars)
    return { ok: false, error: t("parameters.predictionTooLong", { max: parameterLimits.predictionChars }) };
  const { model, temperature, maxTokens, topP, randomSeed, stop, safePrompt, maxRetries } = parameters;
  const { toolChoice, parallelToolCalls, presencePenalty, frequencyPenalty, reasoningEffort } = parameters;
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
      presencePenalty,
      frequencyPenalty,
      prediction: parameters.prediction === "" ? null : parameters.prediction,
      reasoningEffort,
      promptMode: needsReasoningPromptMode(model, reasoningEffort) ? "reasoning" : null,
    },
  };
}

/**
 * Magistral models think only with `prompt_mode: "reasoning"` (Mistral's reasoning docs); newer
 * reasoning models take `reasoning_effort` instead, and others answer `prompt_mode` with a 400.
 */
export function needsReasoningPromptMode(model: string, reasoningEffort: Parameters["reasoningEffort"]): boolean {
  return model.startsWith("magistral-") && reasoningEffort === null;
}

/** Every image and document the request carries, in order. */
export function requestAttachments(messages: readonly ChatMessage[]) {
  return messages.flatMap((m) => (m.role === "user" ? (m.attachments ?? []) : []));
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
    } else if (message.role === "assistant") {
      messages.push({
        role: "assistant",
        content: message.content,
        ...(message.reasoning ? { reasoning: message.reasoning } : {}),
        ...(message.toolCalls?.length ? { toolCalls: message.toolCalls } : {}),
      });
    } else {
      const attachments = (message.attachments ?? []).map(({ kind, name, url }) => ({ kind, name, url }));
      messages.push({ role: "user", content: message.content, ...(attachments.length > 0 ? { attachments } : {}) });
    }
  }
  const attachments = checkAttachments(requestAttachments(messages));
  if (!attachments.ok) return { ok: false, error: attachments.error };
  const rules = checkConversation(messages);
  if (!rules.ok) return { ok: false, error: describeViolation(rules.error) };
  const parameters = toChatParameters(snapshot.parameters);
  if (!parameters.ok) return parameters;
  return { ok: true, value: { messages, parameters: parameters.value } };
}
