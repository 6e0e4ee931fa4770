import http, { type IncomingMessage } from "node:http";
import https from "node:https";
import { TLSSocket } from "node:tls";
import zlib from "node:zlib";

/**
 * Undici's `fetch` closes an idle pooled connection after 4 s; so do these agents. A connection
 * in use is never timed out by the agent (see `IDLE_TIMEOUT_MS` for that).
 */
const agents = {
  "http:": new http.Agent({ keepAlive: true, timeout: 4_000, scheduling: "lifo" }),
  "https:": new https.Agent({ keepAlive: true, timeout: 4_000, scheduling: "lifo" }),
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

/**
 * The answer's body as a web stream, read from the socket as the provider pulls: errors as
 * undici's do (`terminated` when the connection drops, the signal's reason on abort), and
 * cancelling it closes the connection.
 */
function bodyStream(response: IncomingMessage, signal: AbortSignal | undefined, done: () => void) {
  const source = decoded(response);
  let settled = false;
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  const finish = (error?: unknown) => {
    if (settled) return;
    settled = true;
    done();
    if (error === undefined) controller.close();
    else controller.error(error);
  };
  return new ReadableStream<Uint8Array>(
    {
      start(c) {
        controller = c;
        source.on("data", (chunk: Buffer) => {
          if (settled) return;
          controller.enqueue(chunk);
          if ((controller.desiredSize ?? 1) <= 0) source.pause();
        });
        source.on("end", () => finish());
        source.on("error", (error) => finish(signal?.aborted ? abortReason(signal) : terminated(error)));
        // A connection closed before the whole answer arrived emits `close` without `end`.
        response.on("close", () => {
          if (!response.complete)
            finish(
              signal?.aborted ? abortReason(signal) : terminated(networkError("other side closed", "UND_ERR_SOCKET")),
            );
        });
      },
      pull() {
        source.resume();
      },
      cancel() {
        settled = true;
        done();
        response.destroy();
      },
    },
    { highWaterMark: 1 },
  );
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
  const agent = url.protocol === "http:" || url.protocol === "https:" ? agents[url.protocol] : undefined;
  if (input instanceof Request || !agent || (init.body != null && typeof init.body !== "string")) {
    return fetch(input, init);
  }
  const signal = init.signal ?? undefined;
  if (signal?.aborted) return Promise.reject(abortReason(signal));

  const body = init.body ?? undefined;
  const headers: Record<string, string> = {};
  new Headers(init.headers).forEach((value, name) => {
    headers[name] = value;
  });
  if (body !== undefined) headers["content-length"] = String(Buffer.byteLength(body));

  return new Promise<Response>((resolve, reject) => {
    const request = (url.protocol === "https:" ? https : http).request(url, {
      method: init.method ?? "GET",
      headers,
      agent,
    });
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
    request.on("response", (response) => {
      const status = response.statusCode ?? 0;
      if (REDIRECTS.has(status) && response.headers.location) {
        done();
        response.resume();
        resolve(fetch(input, init));
        return;
      }
      const stream = NULL_BODY.has(status) || init.method === "HEAD" ? null : bodyStream(response, signal, done);
      if (!stream) {
        done();
        response.resume();
      }
      resolve(
        new Response(stream, { status, statusText: response.statusMessage ?? "", headers: responseHeaders(response) }),
      );
    });
    request.end(body);
  });
};
