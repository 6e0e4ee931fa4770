import { createMistral } from "@ai-sdk/mistral";
import {
  convertToModelMessages,
  createUIMessageStreamResponse,
  streamText,
  toUIMessageStream,
  type UIMessage,
} from "ai";

// The route of the AI SDK's "Next.js App Router" getting-started guide, with the provider pointed
// at the benchmark's fake Mistral server.
const mistral = createMistral({ baseURL: process.env.MISTRAL_BASE_URL, apiKey: process.env.MISTRAL_API_KEY });

export async function POST(req: Request) {
  const { messages }: { messages: UIMessage[] } = await req.json();

  const result = streamText({
    model: mistral("mistral-small-latest"),
    messages: await convertToModelMessages(messages),
  });

  return createUIMessageStreamResponse({
    stream: toUIMessageStream({ stream: result.stream }),
  });
}
