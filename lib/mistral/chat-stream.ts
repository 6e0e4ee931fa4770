import {
  combineHeaders,
  createJsonErrorResponseHandler,
  extractResponseHeaders,
  generateId,
  getRuntimeEnvironmentUserAgent,
  isAbortError,
  postJsonToApi,
  resolve,
  VERSION,
  zodSchema,
} from "@ai-sdk/provider-utils";
import { APICallError, EmptyResponseBodyError } from "ai";
import { z } from "zod";
import { DirectBody, directBody, headersRecord, nodeRequest, toResponse } from "./node-fetch";
import { applyWireFields, type WireFields } from "./wire-fields";
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
 * Mistral's answer as the provider's stream parts, one array per network read of the body.
 */
export interface MistralParts {
  /**
   * Hands each read's parts to `take` as it arrives, the parts that close the stream last, and
   * reads on once the promise `take` may return has settled: an answer read from Node's stream
   * goes from the socket to the browser in one turn of the event loop, without a promise.
   * Resolves after the last parts. Rejects with what reading failed with — the abort reason on
   * Stop, otherwise an `APICallError` with the answer's status (a connection cut mid-answer) —
   * or with what `take` failed with, closing the connection.
   */
  forEach(take: (parts: StreamPart[]) => Promise<void> | undefined): Promise<void>;
}

/**
 * The model call `@ai-sdk/mistral`'s `doStream` makes — same request, same errors before the
 * answer starts — with the answer parsed by `MistralStreamParser` into the provider's stream parts.
 */
export async function streamMistralChat(
  model: MistralChatModel,
  options: CallOptions,
  direct?: { wireFields: WireFields },
): Promise<MistralParts> {
  const { getArgs, config } = model as unknown as ChatModelInternals;
  const { args, warnings } = await getArgs.call(model, options);
  const body = { ...args, stream: true };
  const url = `${config.baseURL}/chat/completions`;
  const headers = combineHeaders(await resolve(config.headers), options.headers);
  const { answer, responseHeaders } = direct
    ? await postDirect(url, headers, applyWireFields(body, direct.wireFields), options.abortSignal)
    : await postJsonToApi({
        url,
        headers,
        body,
        failedResponseHandler,
        successfulResponseHandler: async ({ response }) => {
          if (response.body == null) throw new EmptyResponseBodyError({});
          const value = { body: response.body, statusCode: response.status, response };
          return { value };
        },
        abortSignal: options.abortSignal,
        fetch: config.fetch,
      }).then(({ value }) => ({ answer: value, responseHeaders: () => extractResponseHeaders(value.response) }));
  const parser = new MistralStreamParser(warnings, generateId);
  const readFailure = (cause: unknown) => {
    if (isAbortError(cause)) return cause;
    const message = "Failed to process successful response";
    const { statusCode } = answer;
    return new APICallError({
      message,
      cause,
      url,
      requestBodyValues: body,
      statusCode,
      responseHeaders: responseHeaders(),
    });
  };
  if (answer.body instanceof DirectBody) return directParts(answer.body, parser, readFailure);
  const reading = directBody(answer.body);
  return reading ? directParts(reading, parser, readFailure) : webParts(answer.body, parser, readFailure);
}

/** What `postJsonToApi` adds to the user agent (`@ai-sdk/provider-utils`'s own part and the runtime's). */
const PROVIDER_UTILS_USER_AGENT = `ai-sdk-provider-utils/${VERSION} ${getRuntimeEnvironmentUserAgent()}`;

/**
 * The call `postJsonToApi` makes through `nodeFetch`, straight over `node:http` and without a
 * `Response`, a `Headers` or a web stream unless Mistral refuses: the same request (headers, user
 * agent, JSON body), the same errors (a refusal read by the provider's handler, a network failure
 * worded by `handleFetchError`), about a tenth of the CPU the app spends before the first token.
 */
async function postDirect(
  url: string,
  given: Record<string, string | undefined>,
  body: Record<string, unknown>,
  abortSignal: AbortSignal | undefined,
): Promise<{ answer: { body: DirectBody; statusCode: number }; responseHeaders: () => Record<string, string> }> {
  const headers: Record<string, string> = { "content-type": "application/json" };
  for (const [name, value] of Object.entries(given)) if (value !== undefined) headers[name.toLowerCase()] = value;
  headers["user-agent"] = [headers["user-agent"], PROVIDER_UTILS_USER_AGENT].filter(Boolean).join(" ");
  try {
    const sent = await nodeRequest(new URL(url), {
      method: "POST",
      headers,
      body: JSON.stringify(body),
      signal: abortSignal,
    });
    const { response } = sent;
    const statusCode = response.statusCode ?? 0;
    if (statusCode >= 200 && statusCode < 300) {
      return { answer: { body: sent.body, statusCode }, responseHeaders: () => headersRecord(response) };
    }
    let refusal: APICallError;
    try {
      refusal = (await failedResponseHandler({ response: toResponse(sent), url, requestBodyValues: body })).value;
    } catch (error) {
      if (isAbortError(error) || APICallError.isInstance(error)) throw error;
      const message = "Failed to process error response";
      const responseHeaders = headersRecord(response);
      throw new APICallError({ message, cause: error, statusCode, url, responseHeaders, requestBodyValues: body });
    }
    throw refusal;
  } catch (error) {
    throw fetchFailure(error, url, body);
  }
}

const FETCH_FAILED_MESSAGES = ["fetch failed", "failed to fetch"];
const RETRYABLE_NETWORK_ERROR_CODES = new Set([
  "ConnectionRefused",
  "ConnectionClosed",
  "FailedToOpenSocket",
  "ECONNRESET",
  "ECONNREFUSED",
  "ETIMEDOUT",
  "EPIPE",
  "UND_ERR_SOCKET",
  "UND_ERR_HEADERS_TIMEOUT",
  "UND_ERR_BODY_TIMEOUT",
  "UND_ERR_CONNECT_TIMEOUT",
]);

/** `@ai-sdk/provider-utils`'s `handleFetchError` (not exported): a failed call as `postJsonToApi` throws it. */
function fetchFailure(error: unknown, url: string, requestBodyValues: unknown): unknown {
  if (isAbortError(error)) return error;
  if (error instanceof TypeError && FETCH_FAILED_MESSAGES.includes(error.message.toLowerCase())) {
    const cause = error.cause as Error | undefined;
    if (cause != null)
      return new APICallError({
        message: `Cannot connect to API: ${cause.message}`,
        cause,
        url,
        requestBodyValues,
        isRetryable: true,
      });
  }
  let networkError: (Error & { code?: unknown }) | undefined;
  const visited = new Set<Error>();
  for (let current = error; current instanceof Error && !visited.has(current); current = current.cause) {
    visited.add(current);
    const { code } = current as Error & { code?: unknown };
    if (typeof code === "string" && RETRYABLE_NETWORK_ERROR_CODES.has(code)) {
      networkError = current;
      break;
    }
  }
  if (networkError == null) return error;
  if (APICallError.isInstance(error)) {
    const { message, cause, statusCode, responseHeaders, responseBody, data } = error;
    return new APICallError({
      message,
      cause,
      url: error.url,
      requestBodyValues: error.requestBodyValues,
      statusCode,
      responseHeaders,
      responseBody,
      data,
      isRetryable: true,
    });
  }
  return new APICallError({
    message: `Cannot connect to API: ${error instanceof Error ? error.message : networkError.message}`,
    cause: error,
    url,
    requestBodyValues,
    isRetryable: true,
  });
}

type Take = Parameters<MistralParts["forEach"]>[0];

/**
 * The parts of a body `nodeFetch` answered with, parsed and handed on in the socket's own `data`
 * event. While `take` is busy with a read (a tool call to check, a browser that is behind), the
 * socket is paused.
 */
function directParts(
  body: DirectBody,
  parser: MistralStreamParser,
  readFailure: (error: unknown) => unknown,
): MistralParts {
  return {
    forEach(take: Take) {
      return new Promise<void>((succeed, reject) => {
        let busy: Promise<void> | undefined;
        let settled = false;
        // A parser or `take` failure is passed as is, and closes the connection.
        const fail = (error: unknown) => {
          if (settled) return;
          settled = true;
          body.cancel();
          reject(error);
        };
        const hand = (parts: StreamPart[], then: () => void) => {
          let pending: Promise<void> | undefined;
          try {
            pending = take(parts);
          } catch (error) {
            fail(error);
            return;
          }
          if (!pending) return then();
          body.pause();
          busy = pending.then(() => {
            busy = undefined;
            if (!settled) then();
          }, fail);
        };
        const readOn = () => body.resume();
        body.read({
          data(chunk) {
            if (settled) return;
            let parts: StreamPart[];
            try {
              parts = parser.push(chunk);
            } catch (error) {
              fail(error);
              return;
            }
            if (parts.length > 0) hand(parts, readOn);
          },
          end(error) {
            const finish = () => {
              if (settled) return;
              if (error !== undefined) {
                settled = true;
                reject(readFailure(error));
                return;
              }
              hand(parser.end(), () => {
                settled = true;
                succeed();
              });
            };
            // A connection cut while `take` is still busy: after it, as a read would fail.
            if (busy) void busy.then(finish);
            else finish();
          },
        });
      });
    },
  };
}

/** The parts of any other body, read from its web stream. */
function webParts(
  body: ReadableStream<Uint8Array>,
  parser: MistralStreamParser,
  readFailure: (error: unknown) => unknown,
): MistralParts {
  return {
    async forEach(take: Take) {
      const reader = body.getReader();
      try {
        for (;;) {
          let read: ReadableStreamReadResult<Uint8Array>;
          try {
            read = await reader.read();
          } catch (error) {
            throw readFailure(error);
          }
          if (read.done) {
            await take(parser.end());
            return;
          }
          const parts = parser.push(read.value);
          if (parts.length > 0) await take(parts);
        }
      } catch (error) {
        // Left before the end: close the connection.
        await reader.cancel().catch(() => undefined);
        throw error;
      }
    },
  };
}
