import type { WireResponseFormat } from "./response-format";

/**
 * Fields of Mistral's chat request that `@ai-sdk/mistral` cannot write as Mistral takes them
 * (official spec, ChatCompletionRequest and DocumentURLChunk).
 */
export type WireFields = {
  /**
   * Why not the AI SDK's own JSON output: for `json_object` (and for any schema when structured
   * outputs are off) `@ai-sdk/mistral` also writes "You MUST answer with JSON" into the system
   * message, and the playground sends exactly what the user wrote.
   */
  response_format?: WireResponseFormat;
  /** The provider knows only some values, and only for the model ids in its catalogue. */
  reasoning_effort?: string;
  prompt_mode?: "reasoning";
  prediction?: { type: "content"; content: string };
  /** `document_name` of each `document_url` chunk, in the order they appear. */
  documentNames?: readonly string[];
};

type WireBody = Record<string, unknown> & { messages?: unknown };

function nameDocuments(messages: unknown, names: readonly string[]): void {
  if (!Array.isArray(messages)) return;
  let next = 0;
  for (const message of messages as { content?: unknown }[]) {
    if (!Array.isArray(message.content)) continue;
    for (const chunk of message.content as Record<string, unknown>[]) {
      if (chunk.type !== "document_url") continue;
      const name = names[next++];
      if (name) chunk.document_name = name;
    }
  }
}

/** The chat request body with `fields` written into it as they are. */
export function applyWireFields(body: WireBody, fields: WireFields): WireBody {
  const { documentNames, ...topLevel } = fields;
  if (documentNames?.length) nameDocuments(body.messages, documentNames);
  return { ...body, ...topLevel };
}
