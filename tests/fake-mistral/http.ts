import type { IncomingMessage, ServerResponse } from "node:http";
import type { RecordedRequest } from "./control.ts";
import type { JsonReply } from "./errors.ts";

/** Reads the whole request body as text (bodies are small: chat requests and control calls). */
export async function readBody(req: IncomingMessage): Promise<string> {
  const parts: Buffer[] = [];
  for await (const part of req) parts.push(part as Buffer);
  return Buffer.concat(parts).toString("utf8");
}

/** Every reply of the fake, errors included, is `application/json` (FACTS §6: the TS SDK dispatches on it). */
export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    ...headers,
    "content-type": "application/json",
    "content-length": String(Buffer.byteLength(text)),
  });
  res.end(text);
}

/** Answers a /v1 request with a whole JSON reply and notes the status in its log entry. */
export function sendReply(res: ServerResponse, record: RecordedRequest, reply: JsonReply): void {
  record.status = reply.status;
  sendJson(res, reply.status, reply.body, reply.headers);
}
