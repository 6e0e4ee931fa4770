import type { ModelMessage } from "ai";
import type { ChatMessage } from "./request";

function parseArguments(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    // Keep the model's text as it was: the provider sends a string argument unchanged.
    return text;
  }
}

/**
 * The conversation as the AI SDK takes it: the leading system message becomes
 * `instructions`; tool calls and results keep the ids Mistral gave them.
 */
export function toModelMessages(messages: readonly ChatMessage[]): {
  instructions: string | undefined;
  messages: ModelMessage[];
} {
  const [first, ...rest] = messages;
  const instructions = first?.role === "system" ? first.content : undefined;
  const conversation = first?.role === "system" ? rest : messages;
  // Tool results need the tool's name; the calling assistant message knows it.
  return {
    instructions,
    messages: conversation.map((message): ModelMessage => {
      switch (message.role) {
        case "system":
          return { role: "system", content: message.content };
        case "user":
          return { role: "user", content: message.content };
        case "assistant":
          if (!message.toolCalls?.length) return { role: "assistant", content: message.content };
          return {
            role: "assistant",
            content: [
              ...(message.content ? [{ type: "text" as const, text: message.content }] : []),
              ...message.toolCalls.map((call) => ({
                type: "tool-call" as const,
                toolCallId: call.id,
                toolName: call.name,
                input: parseArguments(call.arguments),
              })),
            ],
          };
        case "tool":
          return {
            role: "tool",
            content: [
              {
                type: "tool-result",
                toolCallId: message.toolCallId,
                toolName: message.name,
                output: { type: "text", value: message.content },
              },
            ],
          };
      }
    }),
  };
}
