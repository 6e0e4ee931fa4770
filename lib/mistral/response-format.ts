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
