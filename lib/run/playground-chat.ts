import { Chat } from "@ai-sdk/react";
import { DefaultChatTransport, type UIMessage } from "ai";
import { USER_API_KEY_HEADER, type ChatRequest } from "@/lib/chat/request";
import { parseRetryAfter } from "@/lib/http/retry-after";
import type { PlaygroundUIMessage, RetryNotice } from "@/lib/chat/ui-message";
import {
  answerMetadataSchema,
  type AnswerMetadata,
  type AssistantMessage,
  type FinishedAnswer,
  type ToolCall,
} from "@/lib/workspace/model";

/** The assistant message as the workspace keeps it, from the streamed UI message. */
export function toAnswer(message: UIMessage<AnswerMetadata>, status: AssistantMessage["status"]): FinishedAnswer {
  let content = "";
  let reasoning = "";
  const toolCalls: ToolCall[] = [];
  for (const part of message.parts) {
    if (part.type === "text") content += part.text;
    else if (part.type === "reasoning") reasoning += part.text;
    else if (part.type.startsWith("tool-") && "toolCallId" in part) {
      toolCalls.push({
        id: part.toolCallId,
        name: part.type.slice("tool-".length),
        arguments: JSON.stringify(part.input ?? {}),
      });
    } else if (part.type === "dynamic-tool") {
      toolCalls.push({ id: part.toolCallId, name: part.toolName, arguments: JSON.stringify(part.input ?? {}) });
    }
  }
  return {
    content,
    ...(reasoning ? { reasoning } : {}),
    ...(toolCalls.length > 0 ? { toolCalls } : {}),
    ...(message.metadata ? { metadata: message.metadata } : {}),
    status,
  };
}

type RunRequest = { body: ChatRequest; apiKey: string };

/**
 * One streaming conversation with /api/chat. The request is whatever the caller prepared
 * from the workspace; the Chat instance only holds the answer while it streams.
 */
export function createPlaygroundChat(options: {
  onFinish: (answer: FinishedAnswer | undefined, outcome: { isAbort: boolean; isError: boolean }) => void;
  /** The server is about to try Mistral again (a rate limit, an overloaded or failing server). */
  onRetry?: (notice: RetryNotice) => void;
}) {
  let pending: RunRequest | undefined;
  // The transport turns an error response into an Error holding only its body; the wait asked
  // for by a refusal (a 429 with `Retry-After`) is read here, before the headers are lost.
  let retryAfterMs: number | undefined;
  const chat = new Chat<PlaygroundUIMessage>({
    messageMetadataSchema: answerMetadataSchema,
    onData: (part) => {
      if (part.type === "data-retry") options.onRetry?.(part.data);
    },
    transport: new DefaultChatTransport<PlaygroundUIMessage>({
      api: "/api/chat",
      fetch: async (input, init) => {
        const response = await fetch(input, init);
        retryAfterMs = response.ok ? undefined : parseRetryAfter(response.headers.get("retry-after"), Date.now());
        return response;
      },
      prepareSendMessagesRequest: () => {
        if (!pending) throw new Error("A run was started without a prepared request.");
        const { body, apiKey } = pending;
        const headers: Record<string, string> = apiKey ? { [USER_API_KEY_HEADER]: apiKey } : {};
        return { body, headers };
      },
    }),
    onFinish: ({ message, isAbort, isError, isDisconnect }) => {
      const streamed = message.role === "assistant" && message.parts.length > 0;
      const status = isAbort ? "stopped" : isError || isDisconnect ? "interrupted" : "complete";
      const answer = streamed ? toAnswer(message, status) : undefined;
      chat.messages = [];
      options.onFinish(answer, { isAbort, isError: isError || isDisconnect });
    },
  });

  return {
    chat,
    run(request: RunRequest) {
      pending = request;
      retryAfterMs = undefined;
      chat.clearError();
      chat.messages = [];
      return chat.sendMessage();
    },
    stop: () => chat.stop(),
    /** The `Retry-After` of the last run's error response, in milliseconds. */
    retryAfterMs: () => retryAfterMs,
  };
}
