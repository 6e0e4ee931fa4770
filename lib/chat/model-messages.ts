import type { FilePart, ModelMessage, TextPart } from "ai";
import { parseDataUrl } from "./attachments";
import type { ChatAttachment, ChatMessage } from "./request";
import { parseJson } from "@/lib/json";

/** PDFs and other documents go as `document_url`; `@ai-sdk/mistral` picks it by this type. */
const DOCUMENT_MEDIA_TYPE = "application/pdf";

/**
 * An attachment as an AI SDK file part: a data URL's bytes as they are (the provider writes them
 * back as the same base64 `image_url`), a web URL as a URL for Mistral to fetch.
 */
function toFilePart(attachment: ChatAttachment): FilePart {
  const data = parseDataUrl(attachment.url);
  if (attachment.kind === "image" && data) {
    return {
      type: "file",
      mediaType: data.mediaType,
      data: { type: "data", data: data.base64 },
      filename: attachment.name,
    };
  }
  return {
    type: "file",
    mediaType: attachment.kind === "image" ? "image" : DOCUMENT_MEDIA_TYPE,
    data: { type: "url", url: new URL(attachment.url) },
    filename: attachment.name,
  };
}

/** Text that is not JSON stays as it was: the provider sends a string argument unchanged. */
function parseArguments(text: string): unknown {
  const parsed = parseJson(text);
  return parsed.ok ? parsed.value : text;
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
        case "user": {
          if (!message.attachments?.length) return { role: "user", content: message.content };
          const text: TextPart[] = message.content ? [{ type: "text", text: message.content }] : [];
          return { role: "user", content: [...text, ...message.attachments.map(toFilePart)] };
        }
        case "assistant":
          if (!message.toolCalls?.length && !message.reasoning) return { role: "assistant", content: message.content };
          return {
            role: "assistant",
            content: [
              // Mistral expects the thinking back as a thinking chunk before the answer.
              ...(message.reasoning ? [{ type: "reasoning" as const, text: message.reasoning }] : []),
              ...(message.content ? [{ type: "text" as const, text: message.content }] : []),
              ...(message.toolCalls ?? []).map((call) => ({
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
