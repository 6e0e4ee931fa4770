/**
 * Byte shapes of successful chat completions, following the newest real captures:
 * non-stream body = recorded/vercel-ai_mistral-usage-raw-live.json (2026-08-27),
 * stream chunks  = recorded/vercel-ai_mistral-usage-raw-live.chunks.txt and, for tool calls,
 * recorded/thirdparty_tool-call-terminal-chunks.txt (B, 2026-10-03); thinking as in
 * recorded/vercel-ai_mistral-reasoning.chunks.txt and DOCS reasoning §Streaming. FACTS §2, §3.
 */
import { randomBytes } from "node:crypto";
import type { Completion, GeneratedToolCall, Usage } from "./answers.ts";

/** 32 lowercase hex chars, no `chatcmpl-` prefix (FACTS §2, §7.5). */
export function completionId(): string {
  return randomBytes(16).toString("hex");
}

/** Key order and extra keys of the 2026 usage object: prompt, total, completion, details, tier. */
function wireUsage(usage: Usage): Record<string, unknown> {
  return {
    prompt_tokens: usage.prompt_tokens,
    total_tokens: usage.total_tokens,
    completion_tokens: usage.completion_tokens,
    prompt_tokens_details: { cached_tokens: 0 },
    service_tier: "standard",
  };
}

/** Streamed calls look like the 2026-10 live chunk; non-stream ones like the 2026-01 body (no type/index). */
function wireToolCalls(calls: GeneratedToolCall[], streamed: boolean): unknown[] {
  return calls.map((call, index) => {
    const fn = { name: call.name, arguments: call.arguments };
    return streamed ? { id: call.id, type: "function", function: fn, index } : { id: call.id, function: fn };
  });
}

export type StreamIdentity = { id: string; created: number; model: string };

/**
 * Real 2025-12 → 2026-08 chunks carry a random top-level padding field `"p"` (FACTS §3.3); clients
 * must ignore unknown keys, so the fake sends one too (deterministic length).
 */
function padding(index: number): string {
  return "abcdefghijklmnopqrstuvwxyz0123456789".slice(0, 3 + ((index * 7) % 30));
}

function chunk(
  identity: StreamIdentity,
  delta: Record<string, unknown>,
  finishReason: string | null,
  extra: Record<string, unknown> = {},
): string {
  const { id, created, model } = identity;
  return JSON.stringify({
    id,
    object: "chat.completion.chunk",
    created,
    model,
    choices: [{ index: 0, delta, finish_reason: finishReason }],
    ...extra,
  });
}

/**
 * The SSE `data:` payloads of one completion, without framing:
 * 1. `{"role":"assistant","content":""}` with `finish_reason: null` (no `p`, no usage);
 * 2. one chunk per text piece, `finish_reason: null`, no `usage` key;
 * 3. a final chunk with the finish reason and the only `usage`. It carries the whole tool call
 *    when there is one (FACTS §3.4), the last text piece when the answer was cut at `max_tokens`
 *    (as in the 2024 MLAI capture), else empty content (2026 captures).
 */
export function streamPayloads(identity: StreamIdentity, completion: Completion): string[] {
  if (completion.thinking) return thinkingPayloads(identity, completion, completion.thinking);
  const { pieces, toolCalls, finishReason, usage } = completion;
  const carryLast = finishReason === "length" && pieces.length > 0 && toolCalls.length === 0;
  const middle = carryLast ? pieces.slice(0, -1) : pieces;
  const payloads = [chunk(identity, { role: "assistant", content: "" }, null)];
  middle.forEach((piece, i) => payloads.push(chunk(identity, { content: piece }, null, { p: padding(i + 1) })));
  const finalDelta =
    toolCalls.length > 0 ? { tool_calls: wireToolCalls(toolCalls, true) } : { content: carryLast ? pieces.at(-1) : "" };
  payloads.push(chunk(identity, finalDelta, finishReason, { usage: wireUsage(usage), p: padding(payloads.length) }));
  return payloads;
}

const thinkingChunk = (text: string, closed?: boolean) => ({
  type: "thinking",
  thinking: text === "" ? [] : [{ type: "text", text }],
  ...(closed ? { closed } : {}),
});
const textChunk = (text: string) => ({ type: "text", text });

/**
 * A reasoning answer (FACTS §3.5). The first chunk already carries the role and thinking; thinking
 * deltas are arrays with one thinking chunk. `chunks` (Magistral, recorded 2026-01): the answer
 * arrives as arrays of text chunks too. `switch` (reasoning_effort, DOCS 2026): one array closes
 * the thinking and opens the text, then `delta.content` is a plain string. Both end with `""`,
 * the finish reason and the usage.
 */
function thinkingPayloads(
  identity: StreamIdentity,
  completion: Completion,
  thinking: NonNullable<Completion["thinking"]>,
): string[] {
  const { pieces, finishReason, usage } = completion;
  const payloads: string[] = [];
  const push = (content: unknown) => {
    const delta = payloads.length === 0 ? { role: "assistant", content } : { content };
    payloads.push(chunk(identity, delta, null));
  };
  for (const piece of thinking.pieces) push([thinkingChunk(piece)]);
  const [first, ...rest] = pieces;
  if (thinking.style === "chunks") {
    for (const piece of pieces) push([textChunk(piece)]);
  } else {
    push(first === undefined ? [thinkingChunk("", true)] : [thinkingChunk("", true), textChunk(first)]);
    for (const piece of rest) push(piece);
  }
  payloads.push(chunk(identity, { content: "" }, finishReason, { usage: wireUsage(usage) }));
  return payloads;
}

export function sseEvent(data: string): string {
  return `data: ${data}\n\n`;
}

export const SSE_DONE = "data: [DONE]\n\n";

/**
 * Non-stream body. Text answers have `"tool_calls": null`; tool-call answers have no `content`
 * key (recorded/vercel-ai_mistral-tool-call.json); the message never has `prefix` (FACTS §2).
 */
export function completionBody(identity: StreamIdentity, completion: Completion): unknown {
  const { pieces, toolCalls, finishReason, usage, thinking } = completion;
  // Reasoning answers are arrays: the closed thinking, then the text (FACTS §2).
  const content = thinking
    ? [thinkingChunk(thinking.pieces.join(""), true), textChunk(pieces.join(""))]
    : pieces.join("");
  const message =
    toolCalls.length > 0 && pieces.length === 0
      ? { role: "assistant", tool_calls: wireToolCalls(toolCalls, false) }
      : {
          role: "assistant",
          tool_calls: toolCalls.length > 0 ? wireToolCalls(toolCalls, false) : null,
          content,
        };
  return {
    id: identity.id,
    created: identity.created,
    model: identity.model,
    usage: wireUsage(usage),
    object: "chat.completion",
    choices: [{ index: 0, finish_reason: finishReason, message }],
  };
}
