import "server-only";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Lane } from "@/lib/http/front-door";
import { MAX_CHAT_BODY_BYTES } from "@/lib/chat/limits";
import { chatRequestSchema } from "@/lib/chat/request";
import { jsonError } from "@/lib/http/errors";
import { readRequest } from "@/lib/http/request";
import { errorWords } from "@/lib/i18n";
import { logger } from "@/lib/log/logger";
import { admitApiRequest } from "./api-guard";
import { answerChat } from "./chat";
import { EventStream } from "@/lib/chat/event-stream";

/**
 * What next.config.mjs adds to every `/api` answer: the lane's answers carry the same
 * (tests/e2e/chat-lane.spec.ts compares them with a route's).
 */
export const API_RESPONSE_HEADERS: Readonly<Record<string, string>> = {
  "x-content-type-options": "nosniff",
  "referrer-policy": "strict-origin-when-cross-origin",
  "content-security-policy": "default-src 'none'; frame-ancestors 'none'",
};

/**
 * `POST /api/chat` served from Node's server, before Next.js routes the request: the API guard,
 * then the body read and checked under the same limits as `handleChat`, then `answerChat`, as the
 * proxy and the route handler would run them; no `Request` is made. Next's routing, its
 * request and response adaptation and the proxy's own pass cost more time before the first token
 * and more CPU per request than everything the relay itself does (BENCHMARKS.md).
 */
export const chatLane: Lane = {
  method: "POST",
  path: "/api/chat",
  serve(request, response) {
    serveChat(request, response).catch((error: unknown) => {
      logger.error({ err: error, route: "/api/chat" }, "the chat lane failed");
      if (!response.headersSent) void send(jsonError(500, "internal", errorWords("errors.internal")), response, {});
      else response.destroy();
    });
  },
};

async function serveChat(request: IncomingMessage, response: ServerResponse): Promise<void> {
  const headers = toHeaders(request);
  if (!headers) {
    request.resume();
    await send(
      jsonError(400, "invalid_request", "A request header is malformed. Send plain header values."),
      response,
      {},
    );
    return;
  }
  const admission = await admitApiRequest("POST", "/api/chat", headers);
  if (!admission.ok) {
    request.resume();
    await send(admission.response, response, {});
    return;
  }

  const input = await readRequest(request, chatRequestSchema, MAX_CHAT_BODY_BYTES);
  if (!input.ok) {
    await send(input.response, response, admission.responseHeaders);
    return;
  }
  // The browser went away before the answer ended: Stop, a closed tab or a dropped connection.
  const left = new AbortController();
  response.once("close", () => {
    if (!response.writableFinished) left.abort();
  });
  const answer = await answerChat(input.value, admission.headers, left.signal);
  if (answer instanceof EventStream) stream(answer, response, admission.responseHeaders);
  else await send(answer, response, admission.responseHeaders);
}

/**
 * Writes the answer's events straight to Node's response: no web stream between the relay and
 * the socket, on the path of every token. The stream stops (and with it the call to Mistral)
 * when the browser leaves.
 */
function stream(answer: EventStream, response: ServerResponse, extra: Readonly<Record<string, string>>): void {
  response.writeHead(answer.status, { ...API_RESPONSE_HEADERS, ...answer.headers, ...extra });
  const cancel = answer.start({
    write: (text) => response.write(text),
    drained: () => drainedOrClosed(response),
    end: (text) => {
      response.off("close", cancel);
      response.end(text);
    },
  });
  response.once("close", cancel);
}

/** The request's headers as a `Headers`, or undefined when one is not a valid header value. */
function toHeaders(request: IncomingMessage): Headers | undefined {
  const headers = new Headers();
  try {
    for (const [name, value] of Object.entries(request.headers)) {
      if (value === undefined) continue;
      if (Array.isArray(value)) for (const item of value) headers.append(name, item);
      else headers.set(name, value);
    }
  } catch (error) {
    if (error instanceof TypeError) return undefined;
    throw error;
  }
  return headers;
}

/** Writes a `Response` to Node's response, honouring backpressure, and stops reading if the browser leaves. */
async function send(answer: Response, response: ServerResponse, extra: Readonly<Record<string, string>>) {
  const head: Record<string, string> = { ...API_RESPONSE_HEADERS };
  answer.headers.forEach((value, name) => (head[name] = value));
  Object.assign(head, extra);
  response.writeHead(answer.status, head);
  if (!answer.body) {
    response.end();
    return;
  }
  const reader = answer.body.getReader();
  // Cancelling the body is what ends the answer's upstream call and frees its stream slot.
  const stop = () => void reader.cancel().catch(() => undefined);
  response.once("close", stop);
  let ended = false;
  try {
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
      if (response.destroyed) return;
      if (!response.write(chunk.value)) await drainedOrClosed(response);
    }
    ended = true;
    response.end();
  } catch (error) {
    if (response.destroyed) return;
    throw error;
  } finally {
    response.off("close", stop);
    if (!ended) stop();
  }
}

function drainedOrClosed(response: ServerResponse): Promise<void> {
  if (!response.writableNeedDrain || response.destroyed) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      response.off("drain", done);
      response.off("close", done);
      resolve();
    };
    response.on("drain", done);
    response.on("close", done);
  });
}
