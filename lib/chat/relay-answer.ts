import "server-only";
import { createIdGenerator, ToolChoiceViolationError, type ModelMessage, type ToolSet, type UIMessageChunk } from "ai";
import { asLanguageModelUsage, parseToolCall, type prepareToolChoice } from "ai/internal";
import { z } from "zod";
import type { ChunkWriter } from "./event-stream";
import type { MistralParts } from "@/lib/mistral/chat-stream";
import type { StreamPart } from "@/lib/mistral/stream-parser";
import type { AnswerMetadata, TokenUsage } from "@/lib/workspace/model";

type ToolChoice = ReturnType<typeof prepareToolChoice>;

/** What the relay needs besides the stream: the call it answers, and how to word a failure. */
export type RelayContext = {
  started: number;
  tools: ToolSet | undefined;
  toolChoice: ToolChoice;
  instructions: string | undefined;
  messages: ModelMessage[];
  provider: string;
  modelId: string;
  abortSignal: AbortSignal;
  /** The error part's text; `streamedOutput` tells a cut answer from one that never began. */
  describe(error: unknown, streamedOutput: boolean): string;
  /** Logs a failure for the operator (never the key or the conversation). */
  log(error: unknown): void;
};

/** Mistral's usage object as it arrived on the wire (the provider passes it through raw). */
const rawUsageSchema = z.object({
  prompt_tokens: z.number().int(),
  completion_tokens: z.number().int(),
  total_tokens: z.number().int(),
  prompt_tokens_details: z.object({ cached_tokens: z.number().int() }).partial().nullish(),
});

function toTokenUsage(usage: Extract<StreamPart, { type: "finish" }>["usage"]): TokenUsage | undefined {
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
  const { inputTokens, outputTokens, totalTokens } = asLanguageModelUsage(usage);
  if (inputTokens === undefined || outputTokens === undefined) return undefined;
  return {
    promptTokens: inputTokens,
    completionTokens: outputTokens,
    totalTokens: totalTokens ?? inputTokens + outputTokens,
  };
}

// Ids as `streamText` makes them, for the rare text or reasoning part that reuses a provider id.
const generatePartId = createIdGenerator({ prefix: "aitxt", size: 24 });

function partIdReserver(): (id: string) => string {
  const used = new Set<string>();
  return (id) => {
    let unique = id;
    if (used.has(unique)) {
      const generated = generatePartId();
      unique = generated;
      for (let suffix = 1; used.has(unique); suffix += 1) unique = `${generated}-${suffix}`;
    }
    used.add(unique);
    return unique;
  };
}

/**
 * Relays one model call (the parts `@ai-sdk/mistral`'s `doStream` emits, one array per network
 * read of the answer) to the browser as the UI message chunks `streamText(…).toUIMessageStream()`
 * writes for a single step, in the same order and shape, with the answer's metadata: time to
 * first output, then usage, finish reason, model and response id, then the duration. Tool calls
 * are parsed against the tool definitions as `streamText` parses them, and a violated tool choice
 * ends the step with an error as it does.
 * Mistral's chat model emits no files, sources or provider-executed tools, so neither does this.
 *
 * Throws what reading the parts throws (a connection cut mid-answer); returns `streamedOutput`
 * so the caller can tell a cut answer from one that never began.
 */
export async function relayAnswer(
  parts: MistralParts,
  writer: ChunkWriter,
  context: RelayContext,
  state: { streamedOutput: boolean },
): Promise<void> {
  const { started, tools } = context;
  const reserveTextId = partIdReserver();
  const reserveReasoningId = partIdReserver();
  const textIds = new Map<string, string>();
  const reasoningIds = new Map<string, string>();
  // `none` withholds tool parts until the end, which then rejects any call.
  const withholdToolParts = context.toolChoice.type === "none";
  const toolCallNames: string[] = [];
  let stepStarted = false;
  let timeToFirstTokenMs: number | undefined;
  let responseId: string | undefined;
  let responseModelId: string | undefined;
  let finishReason: string = "other";
  let finishMetadata: AnswerMetadata | undefined;

  const output = () => {
    state.streamedOutput = true;
    if (timeToFirstTokenMs !== undefined) return;
    timeToFirstTokenMs = performance.now() - started;
    writer.write({ type: "message-metadata", messageMetadata: { timeToFirstTokenMs } });
  };
  const fail = (error: unknown) => {
    context.log(error);
    finishReason = "error";
    writer.write({ type: "error", errorText: context.describe(error, state.streamedOutput) });
  };
  // The tool's own definition says whether it is dynamic; a call to an unknown tool carries its own flag.
  const dynamicOf = (toolName: string, dynamic: boolean | undefined) =>
    tools?.[toolName] == null ? (dynamic != null ? { dynamic } : {}) : {};

  const relayToolCall = async (part: Extract<StreamPart, { type: "tool-call" }>) => {
    const call = await parseToolCall({
      toolCall: part,
      tools,
      repairToolCall: undefined,
      refineToolInput: undefined,
      instructions: context.instructions,
      messages: context.messages,
      abortSignal: context.abortSignal,
    });
    toolCallNames.push(call.toolName);
    if (withholdToolParts) return;
    writer.write(
      call.invalid
        ? {
            type: "tool-input-error",
            toolCallId: call.toolCallId,
            toolName: call.toolName,
            input: call.input,
            ...dynamicOf(call.toolName, call.dynamic),
            errorText: context.describe(call.error, state.streamedOutput),
          }
        : {
            type: "tool-input-available",
            toolCallId: call.toolCallId,
            toolName: call.toolName,
            input: call.input,
            ...dynamicOf(call.toolName, call.dynamic),
          },
    );
    output();
  };

  /** Relays one part: at once, except a tool call, which is checked against its tool first. */
  const relayPart = (part: StreamPart): Promise<void> | undefined => {
    if (part.type === "stream-start" || part.type === "raw") return undefined;
    if (!stepStarted) {
      stepStarted = true;
      writer.write({ type: "start-step" });
    }
    switch (part.type) {
      case "response-metadata":
        responseId = part.id ?? responseId;
        responseModelId = part.modelId ?? responseModelId;
        break;
      case "text-start": {
        const id = reserveTextId(part.id);
        textIds.set(part.id, id);
        writer.write({ type: "text-start", id });
        break;
      }
      case "text-delta":
        if (part.delta.length === 0) break;
        writer.write({ type: "text-delta", id: textIds.get(part.id) ?? part.id, delta: part.delta });
        output();
        break;
      case "text-end":
        writer.write({ type: "text-end", id: textIds.get(part.id) ?? part.id });
        textIds.delete(part.id);
        break;
      case "reasoning-start": {
        const id = reserveReasoningId(part.id);
        reasoningIds.set(part.id, id);
        writer.write({ type: "reasoning-start", id });
        break;
      }
      case "reasoning-delta":
        writer.write({ type: "reasoning-delta", id: reasoningIds.get(part.id) ?? part.id, delta: part.delta });
        output();
        break;
      case "reasoning-end":
        writer.write({ type: "reasoning-end", id: reasoningIds.get(part.id) ?? part.id });
        reasoningIds.delete(part.id);
        break;
      case "tool-input-start":
        if (withholdToolParts) break;
        writer.write({
          type: "tool-input-start",
          toolCallId: part.id,
          toolName: part.toolName,
          ...dynamicOf(part.toolName, part.dynamic ?? false),
        });
        break;
      case "tool-input-delta":
        if (withholdToolParts) break;
        writer.write({ type: "tool-input-delta", toolCallId: part.id, inputTextDelta: part.delta });
        break;
      case "tool-call":
        state.streamedOutput = true;
        return relayToolCall(part);
      case "error":
        fail(part.error);
        break;
      case "finish": {
        const violation = toolChoiceViolation(context, toolCallNames, part.finishReason.unified);
        finishReason = violation ? "error" : part.finishReason.unified;
        finishMetadata = {
          model: responseModelId || context.modelId,
          responseId: responseId ?? generatePartId(),
          finishReason: part.finishReason.raw ?? part.finishReason.unified,
          usage: toTokenUsage(part.usage),
        };
        if (violation) fail(violation);
        break;
      }
      default:
        break;
    }
    return undefined;
  };
  // Relays one read's parts; a promise only when a tool call is checked or the browser is behind.
  const relayBatch = (batch: StreamPart[], from = 0): Promise<void> | undefined => {
    for (let i = from; i < batch.length; i += 1) {
      const pending = relayPart(batch[i]!);
      if (pending) return pending.then(() => relayBatch(batch, i + 1));
    }
    // Backpressure: the next read of Mistral's answer waits until the browser has taken this one.
    return writer.drained();
  };
  await parts.forEach((batch) => relayBatch(batch));

  // Nothing but the stream's start arrived: the answer never began (see `streamChat`).
  if (!stepStarted) return;
  if (finishMetadata) writer.write({ type: "message-metadata", messageMetadata: finishMetadata });
  writer.write({ type: "finish-step" });
  writer.write({
    type: "finish",
    finishReason: finishReason as Extract<UIMessageChunk, { type: "finish" }>["finishReason"],
    messageMetadata: { durationMs: performance.now() - started },
  });
}

function toolChoiceViolation(
  context: RelayContext,
  toolCallNames: readonly string[],
  finishReason: string,
): ToolChoiceViolationError | undefined {
  const choice = context.toolChoice;
  if (choice.type === "auto") return undefined;
  const violated =
    choice.type === "none"
      ? toolCallNames.length > 0
      : finishReason !== "interrupted" &&
        !toolCallNames.some((name) => choice.type === "required" || name === choice.toolName);
  if (!violated) return undefined;
  return new ToolChoiceViolationError({
    toolChoice: choice,
    finishReason: finishReason as ToolChoiceViolationError["finishReason"],
    provider: context.provider,
    modelId: context.modelId,
    content: [],
  });
}
