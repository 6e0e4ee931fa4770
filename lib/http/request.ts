import type { IncomingMessage } from "node:http";
import type { z } from "zod";
import { describeIssues, jsonError, type ErrorCode } from "./errors";
import { parseJson } from "@/lib/json";

export interface RequestProblem {
  status: 400 | 413;
  code: Extract<ErrorCode, "invalid_request" | "too_large">;
  message: string;
}
export type RequestResult<T> = { ok: true; value: T } | { ok: false; error: RequestProblem };

function tooLarge(maxBytes: number): { ok: false; error: RequestProblem } {
  const message = `The request is larger than ${formatBytes(maxBytes)}. Shorten it and try again.`;
  return { ok: false, error: { status: 413, code: "too_large", message } };
}

/**
 * Reads a JSON body of at most `maxBytes`. The body is streamed and counted as it arrives, so an
 * oversized request is refused without being buffered, whatever its Content-Length claims.
 */
export async function readJsonBody(request: Request, maxBytes: number): Promise<RequestResult<unknown>> {
  const declared = Number(request.headers.get("content-length") ?? Number.NaN);
  if (declared > maxBytes) return tooLarge(maxBytes);
  if (!request.body) return invalid("The request has no body. Send a JSON object.");

  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
    size += chunk.value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      return tooLarge(maxBytes);
    }
    chunks.push(chunk.value);
  }
  return decodeJson(Buffer.concat(chunks));
}

/**
 * `readJsonBody` for a request still in Node's hands (the chat lane): the same limit and answers,
 * without a `Request` and a web stream in between. Past the limit the rest is read and dropped.
 */
function readIncomingJsonBody(incoming: IncomingMessage, maxBytes: number): Promise<RequestResult<unknown>> {
  const declared = Number(incoming.headers["content-length"] ?? Number.NaN);
  if (declared > maxBytes) {
    incoming.resume();
    return Promise.resolve(tooLarge(maxBytes));
  }
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.byteLength;
      if (size <= maxBytes) chunks.push(chunk);
      else {
        incoming.off("data", onData);
        incoming.resume();
        resolve(tooLarge(maxBytes));
      }
    };
    incoming.on("data", onData);
    incoming.once("end", () => {
      if (size <= maxBytes) resolve(decodeJson(Buffer.concat(chunks)));
    });
    incoming.once("error", () => resolve(invalid("The request body was cut off. Send it again.")));
  });
}

function decodeJson(bytes: Uint8Array): RequestResult<unknown> {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch (error) {
    if (!(error instanceof TypeError)) throw error;
    return invalid("The request body is not valid UTF-8. Send JSON encoded as UTF-8.");
  }
  const parsed = parseJson(text);
  if (!parsed.ok) return invalid(`The request body is not valid JSON (${parsed.error}). Send a JSON object.`);
  return parsed;
}

/** Parses a request value with `schema`; the error message names the offending fields. */
export function parseRequest<S extends z.ZodType>(schema: S, value: unknown): RequestResult<z.output<S>> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return { ok: true, value: parsed.data };
  return invalid(`Invalid request: ${describeIssues(parsed.error)}. Correct these fields and send it again.`);
}

/** The 400 or 413 JSON answer for a request problem. */
export function problemResponse(problem: RequestProblem): Response {
  return jsonError(problem.status, problem.code, problem.message);
}

export type RouteInput<T> = { ok: true; value: T } | { ok: false; response: Response };

/**
 * What a route handler starts with: the JSON body (at most `maxBytes`) parsed with `schema`, or
 * the 400/413 answer to send. The chat lane passes Node's request itself, still unread.
 */
export async function readRequest<S extends z.ZodType>(
  request: Request | IncomingMessage,
  schema: S,
  maxBytes: number,
): Promise<RouteInput<z.output<S>>> {
  const body =
    request instanceof Request ? await readJsonBody(request, maxBytes) : await readIncomingJsonBody(request, maxBytes);
  const parsed = body.ok ? parseRequest(schema, body.value) : body;
  return parsed.ok ? parsed : { ok: false, response: problemResponse(parsed.error) };
}

function invalid(message: string): { ok: false; error: RequestProblem } {
  return { ok: false, error: { status: 400, code: "invalid_request", message } };
}

function formatBytes(bytes: number): string {
  const mib = bytes / 1_048_576;
  return Number.isInteger(mib)
    ? `${mib} MB (${bytes.toLocaleString("en-US")} bytes)`
    : `${bytes.toLocaleString("en-US")} bytes`;
}
