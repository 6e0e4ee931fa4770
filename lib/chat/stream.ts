import "server-only";
import { createMistral } from "@ai-sdk/mistral";
import { APICallError, generateId, jsonSchema, tool, type ToolSet, type UIMessageChunk } from "ai";
import {
  convertToLanguageModelPrompt,
  prepareLanguageModelCallOptions,
  prepareRetries,
  prepareToolChoice,
  prepareTools,
  standardizePrompt,
} from "ai/internal";
import { streamMistralChat } from "@/lib/mistral/chat-stream";
import { toChatFailure } from "@/lib/mistral/errors";
import { mistralConfig } from "@/lib/mistral/config";
import { nodeFetch } from "@/lib/mistral/node-fetch";
import { toWireResponseFormat } from "@/lib/mistral/response-format";
import type { WireFields } from "@/lib/mistral/wire-fields";
import { requestAttachments } from "./build-request";
import { EventStream, type ChunkWriter } from "./event-stream";
import { toModelMessages } from "./model-messages";
import { relayAnswer, type RelayContext } from "./relay-answer";
import type { ChatParameters, ChatRequest } from "./request";
import type { AnswerMetadata } from "@/lib/workspace/model";
import { parseRetryAfter } from "@/lib/http/retry-after";
import type { RetryNotice } from "./ui-message";

/** The AI SDK's retry waits for Mistral's `Retry-After` when it is under a minute. */
const HONOURED_RETRY_AFTER_MS = 60_000;

function retryNotice(error: APICallError, attempt: number, attempts: number): UIMessageChunk {
  const retryAfterMs = parseRetryAfter(error.responseHeaders?.["retry-after"], Date.now());
  const data: RetryNotice = {
    attempt,
    attempts,
    ...(error.statusCode !== undefined ? { status: error.statusCode } : {}),
    ...(retryAfterMs !== undefined && retryAfterMs < HONOURED_RETRY_AFTER_MS ? { retryAfterMs } : {}),
  };
  return { type: "data-retry", data, transient: true };
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

function toWireFields(request: ChatRequest): WireFields {
  const { parameters } = request;
  const responseFormat = toWireResponseFormat(parameters.responseFormat);
  const documentNames = requestAttachments(request.messages)
    .filter((a) => a.kind === "document")
    .map((a) => a.name);
  return {
    // Set on the wire body as written, with no JSON instruction added to the system message.
    ...(responseFormat ? { response_format: responseFormat } : {}),
    ...(parameters.reasoningEffort ? { reasoning_effort: parameters.reasoningEffort } : {}),
    ...(parameters.promptMode ? { prompt_mode: parameters.promptMode } : {}),
    ...(parameters.prediction ? { prediction: { type: "content", content: parameters.prediction } } : {}),
    ...(documentNames.length > 0 ? { documentNames } : {}),
  };
}

/**
 * Mistral fetches image and document URLs itself: the server never downloads what a user typed
 * (no request to an address of the user's choosing from inside the network).
 */
const PASS_EVERY_URL = { "*": [/^https?:\/\//] };

function describeFailure(error: unknown, streamedOutput: boolean): string {
  const failure = toChatFailure(error);
  const code = streamedOutput && failure.code === "upstream_unavailable" ? "interrupted" : failure.code;
  const retryAfter = failure.retryAfterMs !== undefined ? { retryAfterMs: failure.retryAfterMs } : {};
  return JSON.stringify({ code, detail: failure.detail, retries: failure.retries ?? 0, ...retryAfter });
}

function logFailure(error: unknown): void {
  const failure = toChatFailure(error);
  // The cause for the operator; the failure carries no key and no request body.
  console.error(`[chat] ${failure.code}: ${failure.detail}`);
}

/** Passes chunks through, telling `onUsage` the total tokens of the usage Mistral reported. */
function reportingUsage(writer: ChunkWriter, onUsage: (totalTokens: number) => void): ChunkWriter {
  return {
    write(chunk) {
      if (chunk.type === "message-metadata") {
        const usage = (chunk.messageMetadata as AnswerMetadata | undefined)?.usage;
        if (usage) onUsage(usage.totalTokens);
      }
      writer.write(chunk);
    },
    drained: () => writer.drained(),
  };
}

/**
 * Streams one answer from Mistral as an AI SDK UI message stream, with the answer's metadata
 * (usage as Mistral reported it, finish reason, model, response id, timings).
 *
 * One model call, so no `streamText`: the request is prepared with the AI SDK's own steps
 * (prompt conversion, tools, call settings, retries with backoff honouring `Retry-After`),
 * `@ai-sdk/mistral` writes the request and words a refusal, `MistralStreamParser` reads the
 * answer into the provider's stream parts, and one writer (`relayAnswer`) writes them to the
 * browser in the chunks `streamText(…).toUIMessageStream()` would write.
 */
export function streamChat(
  request: ChatRequest,
  options: { apiKey: string; abortSignal: AbortSignal; onUsage?: (totalTokens: number) => void },
): EventStream {
  const started = performance.now();
  const createdAt = Date.now();
  const { parameters } = request;
  const wireFields = toWireFields(request);
  const model = createMistral({
    apiKey: options.apiKey,
    baseURL: mistralConfig().baseURL,
    fetch: nodeFetch,
  }).chat(parameters.model);
  const { instructions, messages } = toModelMessages(request.messages);
  const tools = toTools(parameters);
  const toolChoice = prepareToolChoice({ toolChoice: toToolChoice(parameters) });
  // Stop aborts the upstream call through the request's signal (fetch, retry delays); this also
  // covers a browser that stops reading while its request stays open.
  // (Linked by hand: a signal from `AbortSignal.any` costs tens of microseconds per listener added.)
  const upstream = new AbortController();
  const stopUpstream = () => upstream.abort(options.abortSignal.reason);
  if (options.abortSignal.aborted) stopUpstream();
  else options.abortSignal.addEventListener("abort", stopUpstream, { once: true });
  const signal = upstream.signal;
  const context: RelayContext = {
    started,
    tools,
    toolChoice,
    instructions,
    messages,
    provider: model.provider,
    modelId: model.modelId,
    abortSignal: signal,
    describe: describeFailure,
    log: logFailure,
  };
  const produce = async (output: ChunkWriter) => {
    const writer = options.onUsage ? reportingUsage(output, options.onUsage) : output;
    writer.write({ type: "start", messageMetadata: { createdAt, model: parameters.model }, messageId: generateId() });
    const state = { streamedOutput: false };
    try {
      const prompt = await standardizePrompt({ instructions, messages });
      const callOptions = {
        ...prepareLanguageModelCallOptions({
          temperature: parameters.temperature ?? undefined,
          maxOutputTokens: parameters.maxTokens ?? undefined,
          topP: parameters.topP ?? undefined,
          seed: parameters.randomSeed ?? undefined,
          stopSequences: parameters.stop.length > 0 ? parameters.stop : undefined,
          presencePenalty: parameters.presencePenalty ?? undefined,
          frequencyPenalty: parameters.frequencyPenalty ?? undefined,
        }),
        prompt: await convertToLanguageModelPrompt({
          prompt,
          supportedUrls: PASS_EVERY_URL,
          download: undefined,
          abortSignal: signal,
          provider: model.provider.split(".")[0],
        }),
        tools: await prepareTools({ tools }),
        toolChoice,
        providerOptions: {
          mistral: {
            ...(parameters.safePrompt ? { safePrompt: true } : {}),
            ...(parameters.tools.length > 0 ? { parallelToolCalls: parameters.parallelToolCalls } : {}),
          },
        },
        abortSignal: signal,
      };
      const { retry, maxRetries } = prepareRetries({ maxRetries: parameters.maxRetries, abortSignal: signal });
      let attempt = 0;
      const parts = await retry(async () => {
        attempt += 1;
        try {
          // Straight over node:http, with the fields the provider does not write put into the body.
          return await streamMistralChat(model, callOptions, { wireFields });
        } catch (error) {
          // The browser hears of each retry while it waits, instead of a silent first token.
          if (attempt <= maxRetries && APICallError.isInstance(error) && error.isRetryable && !signal.aborted)
            writer.write(retryNotice(error, attempt + 1, maxRetries + 1));
          throw error;
        }
      });
      await relayAnswer(parts, writer, context, state);
    } catch (error) {
      if (signal.aborted) return; // Stop: nobody is listening any more.
      logFailure(error);
      writer.write({ type: "error", errorText: describeFailure(error, state.streamedOutput) });
    }
  };

  // `no-transform` keeps Next from gzipping the event stream and flushing the compressor per
  // event, which costs about four times the CPU per token (see BENCHMARKS.md).
  return new EventStream(produce, {
    headers: { "cache-control": "no-cache, no-transform" },
    onCancel: () => upstream.abort(),
  });
}
