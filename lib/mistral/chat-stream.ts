import {
  combineHeaders,
  createJsonErrorResponseHandler,
  extractResponseHeaders,
  generateId,
  isAbortError,
  postJsonToApi,
  resolve,
  zodSchema,
} from "@ai-sdk/provider-utils";
import { APICallError, EmptyResponseBodyError } from "ai";
import { z } from "zod";
import { directBody, type DirectBody } from "./node-fetch";
import { MistralStreamParser, type MistralChatModel, type StreamPart } from "./stream-parser";

type CallOptions = Parameters<MistralChatModel["doStream"]>[0];

/**
 * What the chat model keeps to itself and `streamMistralChat` reuses: the request body it would
 * send (`getArgs`: messages, tools, response format, provider options, with its warnings) and
 * its settings (base URL, headers with the key and user agent, `fetch`). Private members of
 * `@ai-sdk/mistral`'s chat model, read through this narrow type so that the request stays the
 * provider's own (tests/integration/mistral-stream-parser.test.ts compares the two requests).
 */
type ChatModelInternals = {
  getArgs(options: CallOptions): Promise<{
    args: Record<string, unknown>;
    warnings: Extract<StreamPart, { type: "stream-start" }>["warnings"];
  }>;
  config: {
    baseURL: string;
    headers: () => Record<string, string | undefined> | PromiseLike<Record<string, string | undefined>>;
    fetch?: typeof fetch;
  };
};

/** Mistral's error body, as `@ai-sdk/mistral` reads it (its `mistralErrorDataSchema`). */
const mistralErrorSchema = z.object({
  object: z.literal("error"),
  message: z.string(),
  type: z.string(),
  param: z.string().nullable(),
  code: z.string().nullable(),
});

/** `@ai-sdk/mistral`'s handler of a non-2xx answer (not exported), so `toChatFailure` sees the same errors. */
const failedResponseHandler = createJsonErrorResponseHandler({
  errorSchema: zodSchema(mistralErrorSchema),
  errorToMessage: (data) => data.message,
});

/**
 * The model call `@ai-sdk/mistral`'s `doStream` makes — same request, same errors before the
 * answer starts — with the answer parsed by `MistralStreamParser`: the provider's stream parts,
 * one array per network read of the body.
 *
 * A read that fails throws what the provider's stream errors with: the abort reason on Stop,
 * otherwise an `APICallError` with the answer's status (a connection cut mid-answer).
 */
export async function streamMistralChat(
  model: MistralChatModel,
  options: CallOptions,
): Promise<AsyncIterable<StreamPart[]>> {
  const { getArgs, config } = model as unknown as ChatModelInternals;
  const { args, warnings } = await getArgs.call(model, options);
  const body = { ...args, stream: true };
  const url = `${config.baseURL}/chat/completions`;
  const { value: answer, responseHeaders } = await postJsonToApi({
    url,
    headers: combineHeaders(await resolve(config.headers), options.headers),
    body,
    failedResponseHandler,
    successfulResponseHandler: async ({ response }) => {
      if (response.body == null) throw new EmptyResponseBodyError({});
      const value = { body: response.body, statusCode: response.status };
      return { value, responseHeaders: extractResponseHeaders(response) };
    },
    abortSignal: options.abortSignal,
    fetch: config.fetch,
  });
  const parser = new MistralStreamParser(warnings, generateId);
  const readFailure = (cause: unknown) => {
    if (isAbortError(cause)) return cause;
    const message = "Failed to process successful response";
    const { statusCode } = answer;
    return new APICallError({ message, cause, url, requestBodyValues: body, statusCode, responseHeaders });
  };
  const direct = directBody(answer.body);
  return direct ? readDirectParts(direct, parser, readFailure) : readParts(answer.body, parser, readFailure);
}

/**
 * The parts of a body `nodeFetch` answered with, read from Node's stream as each network read
 * arrives: one promise per read that finds the relay waiting, no web stream. A read that comes
 * while the relay is still busy with the previous one waits, and the socket is paused.
 */
function readDirectParts(
  body: DirectBody,
  parser: MistralStreamParser,
  readFailure: (error: unknown) => unknown,
): AsyncIterableIterator<StreamPart[]> {
  const batches: StreamPart[][] = [];
  // A failed read is worded as the provider's stream words it; a parser failure is passed as is.
  let failure: { error: unknown; read: boolean } | undefined;
  let state: "reading" | "ended" | "done" = "reading";
  let waiting: { resolve(result: IteratorResult<StreamPart[]>): void; reject(error: unknown): void } | undefined;

  /** The next result, if there is one yet: batches first, then the failure or the end. */
  const take = (): { result: IteratorResult<StreamPart[]> } | { error: unknown } | undefined => {
    const value = batches.shift();
    if (value) return { result: { done: false, value } };
    if (failure) {
      state = "done";
      return { error: failure.read ? readFailure(failure.error) : failure.error };
    }
    if (state === "reading") return undefined;
    if (state === "ended") {
      state = "done";
      return { result: { done: false, value: parser.end() } };
    }
    return { result: { done: true, value: undefined } };
  };
  const answerWaiting = () => {
    const next = waiting && take();
    if (!waiting || !next) return;
    const { resolve, reject } = waiting;
    waiting = undefined;
    if ("error" in next) reject(next.error);
    else resolve(next.result);
  };

  body.read({
    data(chunk) {
      let parts: StreamPart[];
      try {
        parts = parser.push(chunk);
      } catch (error) {
        failure = { error, read: false };
        body.cancel();
        answerWaiting();
        return;
      }
      if (parts.length === 0) return;
      batches.push(parts);
      if (waiting) answerWaiting();
      else body.pause();
    },
    end(error) {
      if (error !== undefined) failure = { error, read: true };
      else state = "ended";
      answerWaiting();
    },
  });

  return {
    next() {
      const next = take();
      if (next) return "error" in next ? Promise.reject(next.error) : Promise.resolve(next.result);
      body.resume();
      return new Promise((resolve, reject) => (waiting = { resolve, reject }));
    },
    async return() {
      // Left before the end (the caller failed): close the connection.
      if (state === "reading") body.cancel();
      state = "done";
      return { done: true, value: undefined };
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}

/**
 * The body's parts, one array per read. A plain iterator rather than an async generator: one
 * promise per read instead of a generator's await and yield, on the path of every token.
 */
function readParts(
  body: ReadableStream<Uint8Array>,
  parser: MistralStreamParser,
  readFailure: (error: unknown) => unknown,
): AsyncIterableIterator<StreamPart[]> {
  const reader = body.getReader();
  let state: "reading" | "ended" | "done" = "reading";
  return {
    async next() {
      while (state === "reading") {
        let read: ReadableStreamReadResult<Uint8Array>;
        try {
          read = await reader.read();
        } catch (error) {
          state = "done";
          throw readFailure(error);
        }
        if (read.done) state = "ended";
        else {
          const parts = parser.push(read.value);
          if (parts.length > 0) return { done: false, value: parts };
        }
      }
      if (state === "done") return { done: true, value: undefined };
      state = "done";
      return { done: false, value: parser.end() };
    },
    async return() {
      // Left before the end (the caller failed): close the connection.
      if (state === "reading") await reader.cancel().catch(() => undefined);
      state = "done";
      return { done: true, value: undefined };
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}
