/**
 * `POST /v1/chat/completions`: faults, then the checks in the order the real API applies them
 * (JSON → OpenAPI schema 422 → model 400 → mistral-common 400), then the answer as JSON or SSE.
 */
import type { ServerResponse } from "node:http";
import { setTimeout as sleep } from "node:timers/promises";
import {
  countPromptTokens,
  defaultCompletion,
  imageCount,
  scriptedCompletion,
  thinkingAbout,
  thinkingStyle,
  withThinking,
  type ChatRequest,
  type Completion,
} from "./answers.ts";
import type { Fault, FakeControl, RecordedRequest } from "./control.ts";
import { checkConversation } from "./conversation.ts";
import { invalidArgs, invalidModel, rateLimited, rateLimitHeaders, serverError, type JsonReply } from "./errors.ts";
import { sendReply } from "./http.ts";
import { findChatModel, type ChatModel } from "./models.ts";
import { jsonDecodeError, validateRequestBody } from "./schema.ts";
import { completionBody, completionId, SSE_DONE, sseEvent, streamPayloads, type StreamIdentity } from "./wire.ts";

export type ChatExchange = { res: ServerResponse; text: string; record: RecordedRequest; control: FakeControl };

function faultReply(fault: Fault | null): JsonReply | null {
  if (fault?.kind === "rate_limit") return rateLimited(fault.retryAfterSeconds);
  if (fault?.kind === "server_error") return serverError(fault.status ?? 500);
  return null;
}

type CheckedRequest = { request: ChatRequest; model: ChatModel };

function checkRequest(text: string): ({ ok: true } & CheckedRequest) | { ok: false; reply: JsonReply } {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch (error) {
    const position = /position (\d+)/.exec((error as Error).message)?.[1];
    return { ok: false, reply: jsonDecodeError(Number(position ?? 0)) };
  }
  const schemaError = validateRequestBody(body);
  if (schemaError) return { ok: false, reply: schemaError };
  const request = body as ChatRequest;
  const model = findChatModel(request.model);
  if (!model) return { ok: false, reply: invalidModel(request.model) };
  if (request.prompt_mode === "reasoning" && !model.promptMode) {
    return { ok: false, reply: invalidArgs("Reasoning prompt mode is not enabled for this model") };
  }
  // Only models whose card says `vision` read images. No real body for this refusal was found;
  // the fake answers with the invalid-args shape of the other model-capability 400s.
  if (!model.vision && request.messages.some((m) => imageCount("content" in m ? m.content : null) > 0)) {
    return { ok: false, reply: invalidArgs("Image input is not supported for this model") };
  }
  const conversationError = checkConversation(request.messages, request.tools);
  if (conversationError) return { ok: false, reply: conversationError };
  const promptTokens = countPromptTokens(request);
  if (promptTokens > model.maxContextLength) {
    // Wording of recorded/errors/400_context_too_long_2026.json.
    const message = `Prompt contains ${promptTokens} tokens and 0 draft tokens, too large for model with ${model.maxContextLength} maximum context length`;
    return { ok: false, reply: invalidArgs(message) };
  }
  return { ok: true, request, model };
}

export async function handleChatCompletion(exchange: ChatExchange): Promise<void> {
  const { res, text, record, control } = exchange;
  const reply = (r: JsonReply) => sendReply(res, record, r);
  const fault = control.takeChatFault();
  const faulted = faultReply(fault);
  if (faulted) return reply(faulted);
  const checked = checkRequest(text);
  if (!checked.ok) return reply(checked.reply);
  const { request, model } = checked;
  const scripted = control.nextScripted();
  const answer = scripted ? scriptedCompletion(request, scripted) : defaultCompletion(request);
  const thinking = scripted ? scripted.thinking : thinkingAbout(request);
  const completion = withThinking(answer, thinkingStyle(request, model), thinking);
  const identity: StreamIdentity = { id: completionId(), created: Math.floor(Date.now() / 1000), model: request.model };
  const headers = rateLimitHeaders(719, completion.usage.total_tokens);
  if (request.stream) return stream(exchange, identity, completion, fault, headers);
  const payloadCount = completion.pieces.length + 2;
  const aborted = await pause(
    res,
    delayBefore(fault, 0) + (fault?.kind === "slow" ? fault.chunkDelayMs * (payloadCount - 1) : 0),
  );
  if (aborted) return;
  if (fault?.kind === "cut_mid_stream") return cut(res, record);
  reply({ status: 200, body: completionBody(identity, completion), headers });
}

function delayBefore(fault: Fault | null, index: number): number {
  if (fault?.kind !== "slow") return 0;
  return index === 0 ? (fault.firstChunkDelayMs ?? 0) : fault.chunkDelayMs;
}

/** Waits, unless the client goes away first; true when it did. */
async function pause(res: ServerResponse, ms: number): Promise<boolean> {
  if (res.destroyed) return true;
  if (ms <= 0) return false;
  const gone = new AbortController();
  const onClose = () => gone.abort();
  res.once("close", onClose);
  try {
    await sleep(ms, undefined, { signal: gone.signal });
    return false;
  } catch {
    return true; // the only rejection of an abortable sleep is the abort
  } finally {
    res.off("close", onClose);
  }
}

/** Resolves once the data reached the socket, so a following cut does not swallow it. */
function write(res: ServerResponse, data: string): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      res.off("close", done);
      resolve();
    };
    res.once("close", done);
    res.write(data, done);
  });
}

/** Drops the connection without a terminating chunk, as a proxy or network failure would.
 * `end()` (not `destroy()`) first flushes what was written, so the client gets those chunks. */
function cut(res: ServerResponse, record: RecordedRequest): void {
  record.cut = true;
  res.socket?.end();
}

async function stream(
  exchange: ChatExchange,
  identity: StreamIdentity,
  completion: Completion,
  fault: Fault | null,
  headers: Record<string, string>,
): Promise<void> {
  const { res, record } = exchange;
  const payloads = streamPayloads(identity, completion);
  const cutAfter = fault?.kind === "cut_mid_stream" ? (fault.afterChunks ?? 2) : Infinity;
  for (const [index, payload] of payloads.entries()) {
    if (await pause(res, delayBefore(fault, index))) return;
    if (index === 0) {
      record.status = 200;
      // FACTS §3.1: the SDKs only treat a 200 as a stream when it is text/event-stream.
      res.writeHead(200, { ...headers, "content-type": "text/event-stream", "cache-control": "no-cache" });
      res.flushHeaders();
    }
    if (index >= cutAfter) return cut(res, record);
    await write(res, sseEvent(payload));
  }
  if (res.destroyed) return;
  res.end(SSE_DONE);
}
