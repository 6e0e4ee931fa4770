import http, { type IncomingMessage } from "node:http";
import https from "node:https";
import { TLSSocket } from "node:tls";
import zlib from "node:zlib";

/**
 * Idle connections kept per host: as many as the streams one process relays at once by default
 * (`DEFAULT_MAX_CONCURRENT_STREAMS`), so that a burst of answers finds its connections open
 * (Node keeps 256 by default and closes the rest when a burst ends).
 */
const MAX_IDLE_SOCKETS = 1024;

/**
 * Undici's `fetch` closes an idle pooled connection after 4 s; so do these agents. A connection
 * in use is never timed out by the agent (see `IDLE_TIMEOUT_MS` for that).
 */
const agents = {
  "http:": new http.Agent({ keepAlive: true, timeout: 4_000, scheduling: "lifo", maxFreeSockets: MAX_IDLE_SOCKETS }),
  "https:": new https.Agent({ keepAlive: true, timeout: 4_000, scheduling: "lifo", maxFreeSockets: MAX_IDLE_SOCKETS }),
};

/** Undici's `headersTimeout` and `bodyTimeout`: 300 s without a byte from Mistral fails the call. */
const IDLE_TIMEOUT_MS = 300_000;
/** Undici's `connectTimeout`: a new connection (TLS included) must be up within 10 s. */
const CONNECT_TIMEOUT_MS = 10_000;

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const NULL_BODY = new Set([101, 103, 204, 205, 304]);

function networkError(message: string, code: string): Error & { code: string } {
  return Object.assign(new Error(message), { code });
}

/** What undici's `fetch` rejects with when the connection fails: `@ai-sdk/provider-utils` reads
 * it as a retryable "Cannot connect to API". */
function fetchFailed(cause: unknown): TypeError {
  return new TypeError("fetch failed", { cause });
}

/** What undici errors a response body with when the connection drops while it streams. */
function terminated(cause: unknown): TypeError {
  return new TypeError("terminated", { cause });
}

function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException("This operation was aborted", "AbortError");
}

function decoded(response: IncomingMessage): NodeJS.ReadableStream & { destroy(error?: Error): void } {
  const encoding = response.headers["content-encoding"]?.trim().toLowerCase();
  const decoder =
    encoding === "gzip" || encoding === "x-gzip"
      ? zlib.createGunzip({ flush: zlib.constants.Z_SYNC_FLUSH, finishFlush: zlib.constants.Z_SYNC_FLUSH })
      : encoding === "deflate"
        ? zlib.createInflate({ flush: zlib.constants.Z_SYNC_FLUSH, finishFlush: zlib.constants.Z_SYNC_FLUSH })
        : encoding === "br"
          ? zlib.createBrotliDecompress()
          : undefined;
  if (!decoder) return response;
  response.on("error", (error) => decoder.destroy(error));
  return response.pipe(decoder);
}

function responseHeaders(response: IncomingMessage): Headers {
  const headers = new Headers();
  const raw = response.rawHeaders;
  for (let i = 0; i + 1 < raw.length; i += 2) headers.append(raw[i]!, raw[i + 1]!);
  return headers;
}

/** What reading an answer's body straight from Node's stream is told. */
export type DirectReader = {
  data(chunk: Buffer): void;
  /** Once: with nothing at the end of the body, or with the error undici's body would fail with. */
  end(error?: unknown): void;
};

/**
 * An answer's body read straight from Node's stream, one call per network read and no web
 * stream or promise in between; the chat relay reads Mistral's answer this way
 * (`directBody`). Errors are undici's: `terminated` when the connection drops, the signal's
 * reason on abort; cancelling closes the connection.
 */
export class DirectBody {
  readonly #response: IncomingMessage;
  readonly #signal: AbortSignal | undefined;
  readonly #done: () => void;
  #claimed = false;
  #settled = false;
  #paused = false;
  #source: ReturnType<typeof decoded> | undefined;

  constructor(response: IncomingMessage, signal: AbortSignal | undefined, done: () => void) {
    this.#response = response;
    this.#signal = signal;
    this.#done = done;
  }

  /** Starts reading; once only (the web stream of the `Response` reads through this too). */
  read(reader: DirectReader): void {
    if (this.#claimed) throw new Error("The answer's body is already being read.");
    this.#claimed = true;
    const response = this.#response;
    const signal = this.#signal;
    const finish = (error?: unknown) => {
      if (this.#settled) return;
      this.#settled = true;
      this.#done();
      reader.end(error);
    };
    const source = decoded(response);
    this.#source = source;
    source.on("data", (chunk: Buffer) => {
      if (!this.#settled) reader.data(chunk);
    });
    source.on("end", () => finish());
    source.on("error", (error) => finish(signal?.aborted ? abortReason(signal) : terminated(error)));
    // A connection closed before the whole answer arrived emits `close` without `end`.
    response.on("close", () => {
      if (!response.complete)
        finish(signal?.aborted ? abortReason(signal) : terminated(networkError("other side closed", "UND_ERR_SOCKET")));
    });
  }

  pause(): void {
    if (this.#paused || !this.#source) return;
    this.#paused = true;
    this.#source.pause();
  }

  resume(): void {
    if (!this.#paused || !this.#source) return;
    this.#paused = false;
    this.#source.resume();
  }

  /** Reads what is left of the body into nothing, keeping the connection for the next request. */
  discard(): void {
    if (this.#settled) return;
    this.#settled = true;
    this.#done();
    this.#response.resume();
  }

  /** Stops reading and closes the connection. */
  cancel(): void {
    if (this.#settled) return;
    this.#settled = true;
    this.#done();
    this.#response.destroy();
  }
}

const directBodies = new WeakMap<ReadableStream<Uint8Array>, DirectBody>();

/** The Node stream behind a body `nodeFetch` answered with, to read instead of the web stream. */
export function directBody(body: ReadableStream<Uint8Array>): DirectBody | undefined {
  return directBodies.get(body);
}

/** The answer's body as a web stream, read from the socket as the reader pulls. */
function bodyStream(direct: DirectBody) {
  let started = false;
  const body = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        if (started) {
          direct.resume();
          return;
        }
        started = true;
        direct.read({
          data(chunk) {
            controller.enqueue(chunk);
            if ((controller.desiredSize ?? 1) <= 0) direct.pause();
          },
          end(error) {
            if (error === undefined) controller.close();
            else controller.error(error);
          },
        });
      },
      cancel() {
        direct.cancel();
      },
    },
    // Nothing is read before a reader asks: until then the body may still be read directly.
    { highWaterMark: 0 },
  );
  directBodies.set(body, direct);
  return body;
}

/**
 * A `fetch` for `createMistral` on `node:http` with keep-alive agents, for what the provider asks
 * of it (a POST of JSON text, a streamed or JSON answer): about a millisecond less time to first
 * byte and CPU per request than undici's `fetch` (BENCHMARKS.md). It fails as undici does —
 * `TypeError("fetch failed")` with the network error as cause, `TypeError("terminated")` for a
 * body cut short, the signal's reason on abort — after the same timeouts (10 s to connect, 300 s
 * without a byte), so the provider's retries and the error mapping in `errors.ts` see the same
 * errors. A redirect, which Mistral does not send, is left to undici.
 */
export const nodeFetch: typeof fetch = (input, init = {}) => {
  const url = new URL(input instanceof Request ? input.url : String(input));
  if (input instanceof Request || !(url.protocol in agents) || (init.body != null && typeof init.body !== "string")) {
    return fetch(input, init);
  }
  const headers: Record<string, string> = {};
  const given = init.headers;
  if (given && !(given instanceof Headers) && !Array.isArray(given)) {
    for (const [name, value] of Object.entries(given)) if (value !== undefined) headers[name.toLowerCase()] = value;
  } else
    new Headers(given).forEach((value, name) => {
      headers[name] = value;
    });
  const method = init.method ?? "GET";
  const options = { method, headers, body: init.body ?? undefined, signal: init.signal ?? undefined };
  return nodeRequest(url, options).then((answer) => {
    const { response, body } = answer;
    if (REDIRECTS.has(response.statusCode ?? 0) && response.headers.location) {
      body.discard();
      return fetch(input, init);
    }
    return toResponse(answer, method);
  });
};

/** Node's answer as the `Response` `fetch` would give. */
export function toResponse({ response, body }: NodeAnswer, method = "POST"): Response {
  const status = response.statusCode ?? 0;
  const stream = NULL_BODY.has(status) || method === "HEAD" ? null : bodyStream(body);
  if (!stream) body.discard();
  return new Response(stream, { status, statusText: response.statusMessage ?? "", headers: responseHeaders(response) });
}

/** The answer's headers as `extractResponseHeaders` gives a `Response`'s. */
export function headersRecord(response: IncomingMessage): Record<string, string> {
  return Object.fromEntries(responseHeaders(response));
}

/** Node's answer to a request, and its body to read. */
export type NodeAnswer = { response: IncomingMessage; body: DirectBody };

/** A request `nodeRequest` sends: header names in lower case, the body as text. */
export type NodeRequest = {
  method: string;
  headers: Record<string, string>;
  body?: string | undefined;
  signal?: AbortSignal | undefined;
};

/**
 * The request `nodeFetch` makes, without a `Response`: Node's answer and its body to read
 * (`DirectBody`). Fails as `nodeFetch` does; a redirect is not followed.
 */
export function nodeRequest(url: URL, init: NodeRequest): Promise<NodeAnswer> {
  const agent = agents[url.protocol as keyof typeof agents];
  const { signal, body } = init;
  if (signal?.aborted) return Promise.reject(abortReason(signal));
  const headers =
    body === undefined ? init.headers : { ...init.headers, "content-length": String(Buffer.byteLength(body)) };

  return new Promise((resolve, reject) => {
    const request = (url.protocol === "https:" ? https : http).request(url, { method: init.method, headers, agent });
    const onAbort = () => request.destroy(signal ? (abortReason(signal) as Error) : undefined);
    const done = () => signal?.removeEventListener("abort", onAbort);
    signal?.addEventListener("abort", onAbort, { once: true });
    request.setTimeout(IDLE_TIMEOUT_MS, () =>
      request.destroy(networkError("Headers or body timeout", "UND_ERR_HEADERS_TIMEOUT")),
    );

    request.on("socket", (socket) => {
      if (!socket.connecting) return;
      const timer = setTimeout(
        () => request.destroy(networkError("Connect Timeout Error", "UND_ERR_CONNECT_TIMEOUT")),
        CONNECT_TIMEOUT_MS,
      );
      const connected = () => clearTimeout(timer);
      socket.once(socket instanceof TLSSocket ? "secureConnect" : "connect", connected);
      socket.once("close", connected);
    });
    request.on("error", (error) => {
      done();
      reject(signal?.aborted ? abortReason(signal) : fetchFailed(error));
    });
    request.on("response", (response) => resolve({ response, body: new DirectBody(response, signal, done) }));
    request.end(body);
  });
}
