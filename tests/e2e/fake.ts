import { E2E } from "./ports.ts";

/** Drives the fake Mistral server that the app under test talks to. */
const control = `http://127.0.0.1:${E2E.fakePort}/__fake`;

async function post(path: string, body: unknown): Promise<void> {
  const response = await fetch(`${control}/${path}`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`fake ${path}: HTTP ${response.status} ${await response.text()}`);
}

export type RecordedRequest = {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: any;
  status: number | null;
  aborted?: boolean;
  receivedAt: number;
};

export const fake = {
  reset: () => post("reset", {}),
  script: (...responses: unknown[]) => post("script", responses),
  fault: (fault: unknown) => post("fault", fault),
  async requests(): Promise<RecordedRequest[]> {
    const response = await fetch(`${control}/requests`);
    return (await response.json()) as RecordedRequest[];
  },
  async chatRequests(): Promise<RecordedRequest[]> {
    return (await this.requests()).filter((r) => r.path === "/v1/chat/completions");
  },
};

type WireMessage = { role: string; content?: unknown; [key: string]: unknown };

/**
 * The messages of a recorded request with text content as plain strings: Mistral takes a
 * user message's text either as a string or as `[{type: "text", text}]` chunks, and the
 * AI SDK sends the latter.
 */
export function plainMessages(request: RecordedRequest | undefined): WireMessage[] {
  const messages = (request?.body?.messages ?? []) as WireMessage[];
  return messages.map((message) =>
    Array.isArray(message.content)
      ? {
          ...message,
          content: (message.content as { type: string; text?: string }[])
            .map((chunk) => (chunk.type === "text" ? (chunk.text ?? "") : ""))
            .join(""),
        }
      : message,
  );
}
