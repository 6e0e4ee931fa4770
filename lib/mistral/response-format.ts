/** The response format of a chat request, its JSON schema already parsed. */
export type ResponseFormatRequest =
  | { type: "text" }
  | { type: "json_object" }
  | { type: "json_schema"; name: string; schema: Record<string, unknown>; strict: boolean };

/** Mistral's `response_format` (official spec, `ResponseFormat` and `JsonSchema`). */
export type WireResponseFormat =
  | { type: "json_object" }
  | { type: "json_schema"; json_schema: { name: string; schema: Record<string, unknown>; strict: boolean } };

/** `undefined` for text, Mistral's default: the request then carries no `response_format`. */
export function toWireResponseFormat(format: ResponseFormatRequest): WireResponseFormat | undefined {
  switch (format.type) {
    case "text":
      return undefined;
    case "json_object":
      return { type: "json_object" };
    case "json_schema":
      return { type: "json_schema", json_schema: { name: format.name, schema: format.schema, strict: format.strict } };
  }
}

/**
 * A `fetch` for `createMistral` that sets `response_format` on the chat request body.
 *
 * Why not the AI SDK's own JSON output: for `json_object` (and for any schema when structured
 * outputs are off) `@ai-sdk/mistral` also writes "You MUST answer with JSON" into the system
 * message, and the playground sends exactly what the user wrote.
 */
export function withResponseFormat(format: WireResponseFormat, baseFetch: typeof fetch = fetch): typeof fetch {
  return (input, init) => {
    // The provider posts JSON text; anything else means it changed and the format would be lost.
    if (typeof init?.body !== "string") throw new Error("@ai-sdk/mistral sent a request body that is not JSON text.");
    const body = JSON.parse(init.body) as Record<string, unknown>;
    return baseFetch(input, { ...init, body: JSON.stringify({ ...body, response_format: format }) });
  };
}
