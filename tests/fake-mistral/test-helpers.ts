import type { FakeMistral } from "./server.ts";

/** Parsed wire payloads under test: deliberately loose, the assertions say what is expected. */
export type Json = Record<string, any>;

export const user = (content: string) => ({ role: "user", content });

export function chat(
  fake: FakeMistral,
  body: unknown,
  init: { key?: string | null; signal?: AbortSignal } = {},
): Promise<Response> {
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (init.key !== null) headers.authorization = `Bearer ${init.key ?? "test-key"}`;
  return fetch(`${fake.url}/chat/completions`, {
    method: "POST",
    headers,
    body: JSON.stringify(body),
    signal: init.signal,
  });
}

/** The SSE body split into `data:` payloads, asserting the framing on the way. */
export function ssePayloads(raw: string): string[] {
  if (!raw.endsWith("\n\n"))
    throw new Error(`stream does not end with a blank line: ${JSON.stringify(raw.slice(-40))}`);
  return raw
    .slice(0, -2)
    .split("\n\n")
    .map((event) => {
      if (!event.startsWith("data: ") || event.includes("\n"))
        throw new Error(`not a single data line: ${JSON.stringify(event)}`);
      return event.slice("data: ".length);
    });
}

/** Reads a stream chunk by chunk, noting when each arrived. */
export async function readTimed(res: Response): Promise<{ text: string; arrivals: number[]; error: unknown }> {
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  const arrivals: number[] = [];
  let text = "";
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return { text, arrivals, error: null };
      arrivals.push(performance.now());
      text += decoder.decode(value, { stream: true });
    }
  } catch (error) {
    return { text, arrivals, error };
  }
}

export const weatherTool = {
  type: "function",
  function: {
    name: "get_weather",
    description: "Weather in a city",
    parameters: {
      type: "object",
      properties: { city: { type: "string" } },
      required: ["city"],
      additionalProperties: false,
    },
  },
};

/** user → assistant asking for one tool call → tool answer: the shape a tool round trip sends. */
export function toolRoundTrip(id = "D681PevKs", resultId = id): Json[] {
  return [
    user("What is the weather in Paris?"),
    {
      role: "assistant",
      content: "",
      tool_calls: [{ id, type: "function", function: { name: "get_weather", arguments: '{"city":"Paris"}' } }],
    },
    { role: "tool", name: "get_weather", tool_call_id: resultId, content: "Sunny, 24°C" },
  ];
}
