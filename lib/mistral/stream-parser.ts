import type { createMistral } from "@ai-sdk/mistral";
import { StreamingToolCallTracker, createLanguageModelResponseMetadata, secureJsonParse } from "@ai-sdk/provider-utils";
import { JSONParseError, TypeValidationError } from "ai";

export type MistralChatModel = ReturnType<ReturnType<typeof createMistral>["chat"]>;
/** One part of `@ai-sdk/mistral`'s stream (the provider specification's stream part). */
export type StreamPart =
  Awaited<ReturnType<MistralChatModel["doStream"]>>["stream"] extends ReadableStream<infer Part> ? Part : never;
type Warnings = Extract<StreamPart, { type: "stream-start" }>["warnings"];
type Usage = Extract<StreamPart, { type: "finish" }>["usage"];

type ContentChunk =
  | { type: "text"; text: string }
  | { type: "thinking"; thinking: { type: "text"; text: string }[] }
  | { type: "image_url" | "reference" };
type ToolCallDelta = {
  index?: number | null;
  id?: string | null;
  function: { name?: string | null; arguments?: string | null };
};
/** Mistral's usage object, passed on as it arrived (`usage.raw`). */
type WireUsage = Record<string, unknown> & {
  prompt_tokens: number;
  completion_tokens: number;
  total_tokens: number;
  num_cached_tokens?: number | null;
  prompt_tokens_details?: { cached_tokens?: number | null } | null;
  prompt_token_details?: { cached_tokens?: number | null } | null;
};
/** One `data:` payload of Mistral's chat stream (FACTS §3), as far as the parts need it. */
type Chunk = {
  id?: string | null;
  created?: number | null;
  model?: string | null;
  choices: {
    delta: { content?: string | ContentChunk[] | null; tool_calls?: ToolCallDelta[] | null };
    finish_reason?: string | null;
  }[];
  usage?: WireUsage | null;
};

// The checks below accept exactly what `@ai-sdk/mistral`'s zod schema for a chunk
// (`mistralChatChunkSchema`) accepts, in plain code rather than zod: validating every streamed
// token with a schema was the largest single cost of the route (BENCHMARKS.md).
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const isNullish = (v: unknown, type: "string" | "number") => v == null || typeof v === type;

function isContentChunk(v: unknown): boolean {
  if (!isObject(v)) return false;
  switch (v.type) {
    case "text":
      return typeof v.text === "string";
    case "thinking":
      return (
        Array.isArray(v.thinking) &&
        v.thinking.every((t) => isObject(t) && t.type === "text" && typeof t.text === "string")
      );
    case "image_url": {
      const url = v.image_url;
      return (
        typeof url === "string" ||
        (isObject(url) && typeof url.url === "string" && (url.detail === null || typeof url.detail === "string"))
      );
    }
    case "reference":
      return (
        Array.isArray(v.reference_ids) && v.reference_ids.every((r) => typeof r === "string" || typeof r === "number")
      );
    default:
      return false;
  }
}

function isToolCallDelta(v: unknown): boolean {
  if (!isObject(v) || !isNullish(v.index, "number") || !isNullish(v.id, "string") || !isObject(v.function))
    return false;
  return isNullish(v.function.name, "string") && isNullish(v.function.arguments, "string");
}

function isTokenDetails(v: unknown): boolean {
  if (v == null) return true;
  if (!isObject(v)) return false;
  return (
    (v.messages == null || Array.isArray(v.messages)) &&
    isNullish(v.cached_tokens, "number") &&
    isNullish(v.audio_tokens, "number")
  );
}

function isUsage(v: unknown): boolean {
  if (v == null) return true;
  if (!isObject(v)) return false;
  const completion = v.completion_tokens_details;
  return (
    typeof v.prompt_tokens === "number" &&
    typeof v.completion_tokens === "number" &&
    typeof v.total_tokens === "number" &&
    isNullish(v.prompt_audio_seconds, "number") &&
    isNullish(v.request_count, "number") &&
    isNullish(v.service_tier, "string") &&
    isNullish(v.num_cached_tokens, "number") &&
    isTokenDetails(v.prompt_tokens_details) &&
    isTokenDetails(v.prompt_token_details) &&
    (completion == null || (isObject(completion) && isNullish(completion.reasoning_tokens, "number")))
  );
}

function isChoice(v: unknown): boolean {
  if (!isObject(v) || typeof v.index !== "number" || !isNullish(v.finish_reason, "string")) return false;
  const delta = v.delta;
  if (!isObject(delta) || (delta.role !== undefined && delta.role !== "assistant")) return false;
  const { content, tool_calls: toolCalls } = delta;
  return (
    (content == null || typeof content === "string" || (Array.isArray(content) && content.every(isContentChunk))) &&
    (toolCalls == null || (Array.isArray(toolCalls) && toolCalls.every(isToolCallDelta)))
  );
}

function isChunk(v: unknown): v is Chunk {
  return (
    isObject(v) &&
    isNullish(v.id, "string") &&
    isNullish(v.created, "number") &&
    isNullish(v.model, "string") &&
    Array.isArray(v.choices) &&
    v.choices.every(isChoice) &&
    isUsage(v.usage)
  );
}

/**
 * Whether `secureJsonParse` could find a `__proto__` or `constructor` key in the text (spelt out,
 * or with escaped letters): only then is its scan of the text needed.
 */
const mayHoldPrototypeKey = (text: string) =>
  text.includes("__proto__") || text.includes("constructor") || text.includes("\\u00");

/** A chunk from its `data:` text, or the error `@ai-sdk/mistral` reports for it. */
function parseChunk(text: string): Chunk | Error {
  let value: unknown;
  try {
    value = mayHoldPrototypeKey(text) ? secureJsonParse(text) : JSON.parse(text);
  } catch (cause) {
    return new JSONParseError({ text, cause });
  }
  if (isChunk(value)) return value;
  return new TypeValidationError({ value, cause: new Error("not a Mistral chat stream chunk") });
}

/** `@ai-sdk/mistral`'s `mapMistralFinishReason`. */
function unifiedFinishReason(
  raw: string | undefined,
): Extract<StreamPart, { type: "finish" }>["finishReason"]["unified"] {
  switch (raw) {
    case "stop":
      return "stop";
    case "length":
    case "model_length":
      return "length";
    case "tool_calls":
      return "tool-calls";
    case "error":
      return "error";
    default:
      return "other";
  }
}

/** `@ai-sdk/mistral`'s `convertMistralUsage`. */
function toUsage(usage: WireUsage | undefined): Usage {
  if (usage == null) {
    return {
      inputTokens: { total: undefined, noCache: undefined, cacheRead: undefined, cacheWrite: undefined },
      outputTokens: { total: undefined, text: undefined, reasoning: undefined },
    };
  }
  const cacheRead =
    usage.num_cached_tokens ??
    usage.prompt_tokens_details?.cached_tokens ??
    usage.prompt_token_details?.cached_tokens ??
    0;
  return {
    inputTokens: {
      total: usage.prompt_tokens,
      noCache: usage.prompt_tokens - cacheRead,
      cacheRead: cacheRead || undefined,
      cacheWrite: undefined,
    },
    outputTokens: { total: usage.completion_tokens, text: usage.completion_tokens, reasoning: undefined },
    raw: usage as Usage["raw"],
  };
}

/**
 * Turns Mistral's chat stream (server-sent events, FACTS §3), read by read, into the parts
 * `@ai-sdk/mistral`'s `doStream` emits for it, in the same order and shape: its text decoder,
 * event-source parser, chunk validation and part mapping in one synchronous pass per read.
 * SSE framing as `eventsource-parser` reads it: lines end in LF, CR or CRLF; a blank line ends
 * an event; `data:` lines (one optional space) join with LF; other fields and comments are
 * skipped; an event the body ends in the middle of is dropped.
 */
export class MistralStreamParser {
  private readonly decoder = new TextDecoder();
  /** The text after the last complete line. */
  private rest = "";
  private data: string | undefined;
  private parts: StreamPart[] = [];
  private readonly toolCalls: StreamingToolCallTracker;
  private metadataSent = false;
  private textOpen = false;
  private reasoningId: string | undefined;
  private finishReason: Extract<StreamPart, { type: "finish" }>["finishReason"] = {
    unified: "interrupted",
    raw: undefined,
  };
  private usage: WireUsage | undefined;

  constructor(
    warnings: Warnings,
    private readonly generateId: () => string,
  ) {
    this.parts.push({ type: "stream-start", warnings });
    this.toolCalls = new StreamingToolCallTracker({ enqueue: (part) => this.parts.push(part!) }, { generateId });
  }

  /** The parts for one read of the body (the stream's start comes with the first). */
  push(bytes: Uint8Array): StreamPart[] {
    let text = this.rest + this.decoder.decode(bytes, { stream: true });
    if (text.includes("\r")) {
      // A CR at the very end may be the first half of a CRLF: keep it for the next read.
      const end = text.endsWith("\r") ? text.length - 1 : text.length;
      text = text.slice(0, end).replace(/\r\n?/g, "\n") + text.slice(end);
    }
    let start = 0;
    for (let end = text.indexOf("\n"); end !== -1; end = text.indexOf("\n", start)) {
      this.line(text.slice(start, end));
      start = end + 1;
    }
    this.rest = text.slice(start);
    return this.take();
  }

  /** The parts that close the stream once the body has ended. */
  end(): StreamPart[] {
    // What the decoder held back is part of a line that never ended, so it is dropped with it.
    this.decoder.decode();
    if (this.reasoningId !== undefined) this.parts.push({ type: "reasoning-end", id: this.reasoningId });
    if (this.textOpen) this.parts.push({ type: "text-end", id: "0" });
    this.toolCalls.flush();
    this.parts.push({ type: "finish", finishReason: this.finishReason, usage: toUsage(this.usage) });
    return this.take();
  }

  private take(): StreamPart[] {
    const parts = this.parts;
    this.parts = [];
    return parts;
  }

  private line(line: string): void {
    if (line === "") {
      if (this.data !== undefined && this.data !== "[DONE]") this.event(this.data);
      this.data = undefined;
      return;
    }
    let value: string;
    if (line.startsWith("data:")) value = line.charCodeAt(5) === 32 ? line.slice(6) : line.slice(5);
    else if (line === "data") value = "";
    else return;
    this.data = this.data === undefined ? value : `${this.data}\n${value}`;
  }

  private event(data: string): void {
    const chunk = parseChunk(data);
    if (chunk instanceof Error) {
      this.finishReason = { unified: "error", raw: undefined };
      this.parts.push({ type: "error", error: chunk });
      return;
    }
    if (!this.metadataSent) {
      this.metadataSent = true;
      this.parts.push({ type: "response-metadata", ...createLanguageModelResponseMetadata(chunk) });
    }
    if (chunk.usage != null) this.usage = chunk.usage;
    // As in the provider, a chunk without a choice fails the stream (a TypeError here).
    const { delta, finish_reason: finishReason } = chunk.choices[0]!;
    const content = delta.content;
    if (typeof content === "string") {
      this.text(content);
    } else if (content != null) {
      for (const part of content) if (part.type === "thinking") this.reasoning(part.thinking);
      this.text(content.map((part) => (part.type === "text" ? part.text : "")).join(""));
    }
    if (delta.tool_calls != null) for (const toolCall of delta.tool_calls) this.toolCalls.processDelta(toolCall);
    if (finishReason != null) this.finishReason = { unified: unifiedFinishReason(finishReason), raw: finishReason };
  }

  private reasoning(thinking: { type: "text"; text: string }[]): void {
    const delta = thinking.map((t) => t.text).join("");
    if (delta.length === 0) return;
    if (this.reasoningId === undefined) {
      if (this.textOpen) {
        this.parts.push({ type: "text-end", id: "0" });
        this.textOpen = false;
      }
      this.reasoningId = this.generateId();
      this.parts.push({ type: "reasoning-start", id: this.reasoningId });
    }
    this.parts.push({ type: "reasoning-delta", id: this.reasoningId, delta });
  }

  private text(delta: string): void {
    if (delta.length === 0) return;
    if (!this.textOpen) {
      if (this.reasoningId !== undefined) {
        this.parts.push({ type: "reasoning-end", id: this.reasoningId });
        this.reasoningId = undefined;
      }
      this.parts.push({ type: "text-start", id: "0" });
      this.textOpen = true;
    }
    this.parts.push({ type: "text-delta", id: "0", delta });
  }
}
