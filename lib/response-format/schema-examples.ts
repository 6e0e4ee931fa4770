/** Starting points for the response JSON schema editor. */
export type SchemaExample = { id: string; label: string; name: string; schema: Record<string, unknown> };

export const schemaExamples: readonly SchemaExample[] = [
  {
    // The example of Mistral's own API reference (`ResponseFormat`).
    id: "book",
    label: "Book (title and authors)",
    name: "book",
    schema: {
      title: "Book",
      type: "object",
      properties: {
        name: { title: "Name", type: "string" },
        authors: { title: "Authors", type: "array", items: { type: "string" } },
      },
      required: ["name", "authors"],
      additionalProperties: false,
    },
  },
  {
    id: "sentiment",
    label: "Sentiment with confidence",
    name: "sentiment",
    schema: {
      type: "object",
      properties: {
        sentiment: { type: "string", enum: ["positive", "neutral", "negative"] },
        confidence: { type: "number", minimum: 0, maximum: 1 },
      },
      required: ["sentiment", "confidence"],
      additionalProperties: false,
    },
  },
  {
    id: "weather",
    label: "Weather report",
    name: "weather_report",
    schema: {
      type: "object",
      properties: {
        city: { type: "string" },
        temperature_c: { type: "number" },
        conditions: { type: "string", enum: ["sunny", "cloudy", "rain", "snow"] },
      },
      required: ["city", "temperature_c", "conditions"],
      additionalProperties: false,
    },
  },
  {
    id: "contacts",
    label: "Contacts found in a text",
    name: "contacts",
    schema: {
      type: "object",
      properties: {
        contacts: {
          type: "array",
          items: {
            type: "object",
            properties: { name: { type: "string" }, email: { type: "string" }, role: { type: "string" } },
            required: ["name", "email"],
            additionalProperties: false,
          },
        },
      },
      required: ["contacts"],
      additionalProperties: false,
    },
  },
];
