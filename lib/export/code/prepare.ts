import { collectVariables, renderPrompt } from "@/lib/chat/template";
import { needsReasoningPromptMode } from "@/lib/chat/build-request";
import type { Attachment, ConversationMessage, PromptSnapshot } from "@/lib/workspace/model";
import { parseJson } from "@/lib/json";

/**
 * What every generated program needs from a snapshot: the texts rendered with the variables,
 * the JSON texts the user typed parsed, and notes on what could not be carried over as is.
 */
export type PreparedPrompt = {
  snapshot: PromptSnapshot;
  /** Variables the templates use, in order; empty when there are none or a template is broken. */
  variables: string[];
  /** The value of each variable in `variables` (missing ones as empty text). */
  values: Record<string, string>;
  /** The system message and messages with the variables filled in. */
  system: string;
  messages: ConversationMessage[];
  tools: { name: string; description: string; parameters: unknown }[];
  /** The JSON schema of a `json_schema` response format, parsed. */
  responseSchema: unknown;
  /** Sentences for a comment at the top of the program. */
  notes: string[];
};

const EMPTY_OBJECT_SCHEMA = { type: "object", properties: {} };

export function prepare(snapshot: PromptSnapshot): PreparedPrompt {
  const notes: string[] = [];
  const rendered = renderPrompt(snapshot, snapshot.variables, { allowMissing: true });
  let variables: string[] = [];
  let system = snapshot.system;
  let messages = snapshot.messages;
  if (rendered.ok) {
    variables = collectVariables(snapshot);
    ({ system, messages } = rendered.value);
  } else {
    notes.push(`The prompt has a template error, so its text is sent as written. ${rendered.error.message}`);
  }
  const values = Object.fromEntries(variables.map((name) => [name, snapshot.variables[name] ?? ""]));
  const unset = variables.filter((name) => values[name] === "");
  if (unset.length > 0) {
    const names = unset.map((name) => `{${name}}`).join(", ");
    notes.push(`No value yet for ${names}; empty text stands in. Fill it in before running.`);
  }

  const tools = snapshot.parameters.tools.map((tool) => {
    const parameters = parseJson(tool.parameters);
    if (!parameters.ok) {
      notes.push(`The parameters of tool ${tool.name} are not valid JSON; an empty object schema stands in.`);
    }
    return {
      name: tool.name,
      description: tool.description,
      parameters: parameters.ok ? parameters.value : EMPTY_OBJECT_SCHEMA,
    };
  });

  const format = snapshot.parameters.responseFormat;
  let responseSchema: unknown;
  if (format.type === "json_schema") {
    const schema = parseJson(format.schema);
    if (!schema.ok) notes.push("The response JSON schema is not valid JSON; an empty object schema stands in.");
    responseSchema = schema.ok ? schema.value : EMPTY_OBJECT_SCHEMA;
  }

  return { snapshot, variables, values, system, messages, tools, responseSchema, notes };
}

/** An image or document as Mistral's content chunk: images as data URLs or URLs, documents named. */
export function wireChunk(attachment: Attachment): Record<string, unknown> {
  return attachment.kind === "image"
    ? { type: "image_url", image_url: attachment.url }
    : { type: "document_url", document_url: attachment.url, document_name: attachment.name };
}

/** Mistral refuses a conversation ending with an assistant message unless it is a prefix. */
function mistralMessage(message: ConversationMessage, last: boolean): Record<string, unknown> {
  switch (message.role) {
    case "user":
      if (!message.attachments?.length) return { role: "user", content: message.content };
      return {
        role: "user",
        content: [
          ...(message.content ? [{ type: "text", text: message.content }] : []),
          ...message.attachments.map(wireChunk),
        ],
      };
    case "assistant":
      return {
        role: "assistant",
        // Thinking goes back as a thinking chunk before the text, as Mistral expects.
        content: message.reasoning
          ? [
              { type: "thinking", thinking: [{ type: "text", text: message.reasoning }], closed: true },
              { type: "text", text: message.content },
            ]
          : message.content,
        ...(message.toolCalls?.length
          ? {
              tool_calls: message.toolCalls.map((call) => ({
                id: call.id,
                type: "function",
                function: { name: call.name, arguments: call.arguments },
              })),
            }
          : {}),
        ...(last ? { prefix: true } : {}),
      };
    case "tool":
      return {
        role: "tool",
        tool_call_id: message.toolCallId,
        name: message.name,
        content: message.content,
      };
  }
}

/**
 * The body of `POST /v1/chat/completions` in Mistral's wire format. Parameters left at Mistral's
 * defaults are omitted, so the request shows only what the user chose.
 */
export function mistralRequestBody(prepared: PreparedPrompt): Record<string, unknown> {
  const parameters = prepared.snapshot.parameters;
  const body: Record<string, unknown> = {
    model: parameters.model,
    messages: [
      ...(prepared.system.trim() ? [{ role: "system", content: prepared.system }] : []),
      ...prepared.messages.map((message, index) => mistralMessage(message, index === prepared.messages.length - 1)),
    ],
  };
  if (parameters.temperature !== null) body.temperature = parameters.temperature;
  if (parameters.topP !== null) body.top_p = parameters.topP;
  if (parameters.maxTokens !== null) body.max_tokens = parameters.maxTokens;
  if (parameters.randomSeed !== null) body.random_seed = parameters.randomSeed;
  if (parameters.stop.length > 0) body.stop = parameters.stop;
  if (parameters.safePrompt) body.safe_prompt = true;
  if (parameters.presencePenalty !== null) body.presence_penalty = parameters.presencePenalty;
  if (parameters.frequencyPenalty !== null) body.frequency_penalty = parameters.frequencyPenalty;
  if (parameters.prediction !== "") body.prediction = { type: "content", content: parameters.prediction };
  if (parameters.reasoningEffort !== null) body.reasoning_effort = parameters.reasoningEffort;
  if (needsReasoningPromptMode(parameters.model, parameters.reasoningEffort)) body.prompt_mode = "reasoning";
  const format = parameters.responseFormat;
  if (format.type === "json_object") body.response_format = { type: "json_object" };
  if (format.type === "json_schema") {
    body.response_format = {
      type: "json_schema",
      json_schema: { name: format.name, schema: prepared.responseSchema, strict: format.strict },
    };
  }
  if (prepared.tools.length > 0) {
    body.tools = prepared.tools.map((tool) => ({ type: "function", function: tool }));
    const choice = parameters.toolChoice;
    if (typeof choice === "object") {
      body.tool_choice = { type: "function", function: { name: choice.name } };
    } else if (choice !== "auto") {
      body.tool_choice = choice;
    }
    if (!parameters.parallelToolCalls) body.parallel_tool_calls = false;
  }
  return body;
}
