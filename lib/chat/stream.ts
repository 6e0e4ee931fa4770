import "server-only";
import { createMistral } from "@ai-sdk/mistral";
import {
  createUIMessageStream,
  createUIMessageStreamResponse,
  jsonSchema,
  streamText,
  tool,
  type TextStreamPart,
  type ToolSet,
} from "ai";
import { z } from "zod";
import { toChatFailure } from "@/lib/mistral/errors";
import { mistralConfig } from "@/lib/mistral/config";
import { toWireResponseFormat, withResponseFormat } from "@/lib/mistral/response-format";
import { toModelMessages } from "./model-messages";
import type { ChatParameters, ChatRequest } from "./request";
import type { PlaygroundUIMessage } from "./ui-message";
import type { AnswerMetadata, TokenUsage } from "@/lib/workspace/model";

/** Mistral's usage object as it arrived on the wire (the provider passes it through raw). */
const rawUsageSchema = z.object({
  prompt_tokens: z.number().int(),
  completion_tokens: z.number().int(),
  total_tokens: z.number().int(),
  prompt_tokens_details: z.object({ cached_tokens: z.number().int() }).partial().nullish(),
});

function toTokenUsage(usage: {
  inputTokens: number | undefined;
  outputTokens: number | undefined;
  totalTokens: number | undefined;
  raw?: unknown;
}): TokenUsage | undefined {
  const raw = rawUsageSchema.safeParse(usage.raw);
  if (raw.success) {
    const cached = raw.data.prompt_tokens_details?.cached_tokens;
    return {
      promptTokens: raw.data.prompt_tokens,
      completionTokens: raw.data.completion_tokens,
      totalTokens: raw.data.total_tokens,
      ...(cached ? { cachedTokens: cached } : {}),
    };
  }
  if (usage.inputTokens === undefined || usage.outputTokens === undefined) return undefined;
  return {
    promptTokens: usage.inputTokens,
    completionTokens: usage.outputTokens,
    totalTokens: usage.totalTokens ?? usage.inputTokens + usage.outputTokens,
  };
}

function toTools(parameters: ChatParameters): ToolSet | undefined {
  if (parameters.tools.length === 0) return undefined;
  // No `execute`: the playground never runs tools; the user answers each call.
  return Object.fromEntries(
    parameters.tools.map((t) => [
      t.name,
      tool({ description: t.description, inputSchema: jsonSchema(t.parameters as Parameters<typeof jsonSchema>[0]) }),
    ]),
  );
}

function toToolChoice(parameters: ChatParameters) {
  const choice = parameters.toolChoice;
  if (parameters.tools.length === 0) return undefined;
  if (typeof choice === "object") return { type: "tool" as const, toolName: choice.name };
  return choice === "any" ? ("required" as const) : choice;
}

/**
 * Streams one answer from Mistral as an AI SDK UI message stream, with the answer's
 * metadata (usage as Mistral reported it, finish reason, model, response id, timings).
 */
export function streamChat(request: ChatRequest, options: { apiKey: string; abortSignal: AbortSignal }): Response {
  const started = performance.now();
  const createdAt = Date.now();
  const parameters = request.parameters;
  const responseFormat = toWireResponseFormat(parameters.responseFormat);
  const mistral = createMistral({
    apiKey: options.apiKey,
    baseURL: mistralConfig().baseURL,
    // Set on the wire body as written, with no JSON instruction added to the system message.
    ...(responseFormat ? { fetch: withResponseFormat(responseFormat) } : {}),
  });
  const { instructions, messages } = toModelMessages(request.messages);
  let timeToFirstTokenMs: number | undefined;
  let streamedOutput = false;

  const result = streamText({
    model: mistral.chat(parameters.model),
    instructions,
    messages,
    temperature: parameters.temperature ?? undefined,
    maxOutputTokens: parameters.maxTokens ?? undefined,
    topP: parameters.topP ?? undefined,
    seed: parameters.randomSeed ?? undefined,
    stopSequences: parameters.stop.length > 0 ? parameters.stop : undefined,
    maxRetries: parameters.maxRetries,
    abortSignal: options.abortSignal,
    tools: toTools(parameters),
    toolChoice: toToolChoice(parameters),
    providerOptions: {
      mistral: {
        ...(parameters.safePrompt ? { safePrompt: true } : {}),
        ...(parameters.tools.length > 0 ? { parallelToolCalls: parameters.parallelToolCalls } : {}),
      },
    },
    onError: ({ error }) => {
      const failure = toChatFailure(error);
      // The cause for the operator; the failure carries no key and no request body.
      console.error(`[chat] ${failure.code}: ${failure.detail}`);
    },
  });

  const messageMetadata = ({ part }: { part: TextStreamPart<ToolSet> }): AnswerMetadata | undefined => {
    switch (part.type) {
      case "start":
        return { createdAt, model: parameters.model };
      case "text-delta":
      case "reasoning-delta":
      case "tool-call":
        streamedOutput = true;
        if (timeToFirstTokenMs !== undefined) return undefined;
        timeToFirstTokenMs = performance.now() - started;
        return { timeToFirstTokenMs };
      case "finish-step":
        return {
          model: part.response.modelId || parameters.model,
          responseId: part.response.id,
          finishReason: part.rawFinishReason ?? part.finishReason,
          usage: toTokenUsage(part.usage),
        };
      case "finish":
        return { durationMs: performance.now() - started };
      default:
        return undefined;
    }
  };

  const describe = (error: unknown): string => {
    const failure = toChatFailure(error);
    const code = streamedOutput && failure.code === "upstream_unavailable" ? "interrupted" : failure.code;
    return JSON.stringify({ code, detail: failure.detail, retries: failure.retries ?? 0 });
  };
  // A connection cut mid-answer makes the SDK's stream throw instead of emitting an error
  // part; merging it into a UI message stream turns either into an error part the browser reads.
  const stream = createUIMessageStream<PlaygroundUIMessage>({
    onError: (error) => {
      const failure = toChatFailure(error);
      console.error(`[chat] stream failed: ${failure.code}: ${failure.detail}`);
      return describe(error);
    },
    execute: ({ writer }) => {
      writer.merge(
        result.toUIMessageStream<PlaygroundUIMessage>({
          sendReasoning: true,
          messageMetadata,
          onError: describe,
        }),
      );
    },
  });
  // `no-transform` keeps Next from gzipping the event stream and flushing the compressor per
  // event, which costs about four times the CPU per token (see BENCHMARKS.md).
  return createUIMessageStreamResponse({ stream, headers: { "Cache-Control": "no-cache, no-transform" } });
}
