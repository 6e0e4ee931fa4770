/**
 * One streamed chat request, timed from the moment it is sent to the arrival of the first
 * non-empty text delta. Speaks both wire formats: Mistral's SSE (`choices[0].delta.content`) and
 * the AI SDK UI message stream that /api/chat answers with (`{"type":"text-delta"}`).
 */
import { Agent, request, type IncomingMessage } from "node:http";
import type { Readable } from "node:stream";
import { constants, createBrotliDecompress, createGunzip, createInflate } from "node:zlib";

export type WireFormat = "mistral" | "ui-message-stream";

export type StreamTarget = { url: URL; headers: Record<string, string>; body: string; format: WireFormat };

export type StreamResult = {
  /** Milliseconds from sending to the network read that held the first text delta. */
  ttftMs: number | undefined;
  /** The app's own `timeToFirstTokenMs` message metadata (from entering streamChat to the first delta). */
  serverTtftMs: number | undefined;
  totalMs: number;
  textDeltas: number;
  contentEncoding: string | undefined;
  /** The cause when the request failed, answered non-200, reported an error or stopped early. */
  error: string | undefined;
};

/**
 * One keep-alive pool for the benchmark client, large enough for the concurrent phase. Idle
 * sockets are closed after 4 s, before Node servers' 5 s keep-alive timeout: otherwise a socket
 * the server is closing can be picked for the next request, which then fails with ECONNRESET.
 */
export const benchAgent = new Agent({ keepAlive: true, maxSockets: Infinity, timeout: 4000 });

type Event =
  { kind: "text-delta" | "done" | "other" } | { kind: "server-ttft"; ms: number } | { kind: "error"; error: string };

function readEvent(format: WireFormat, data: string): Event {
  if (data === "[DONE]") return { kind: "done" };
  const json = JSON.parse(data) as Record<string, unknown>;
  if (format === "mistral") {
    const choices = json.choices as { delta?: { content?: unknown } }[] | undefined;
    const content = choices?.[0]?.delta?.content;
    return { kind: typeof content === "string" && content !== "" ? "text-delta" : "other" };
  }
  if (json.type === "text-delta") return { kind: "text-delta" };
  if (json.type === "error") return { kind: "error", error: String(json.errorText) };
  const metadata = json.messageMetadata as { timeToFirstTokenMs?: unknown } | undefined;
  if (typeof metadata?.timeToFirstTokenMs === "number") return { kind: "server-ttft", ms: metadata.timeToFirstTokenMs };
  return { kind: "other" };
}

/** A browser asks for compression; flushing decoders pass each compressed event on at once. */
function decoded(res: IncomingMessage): Readable | undefined {
  const flush = { flush: constants.Z_SYNC_FLUSH };
  switch (res.headers["content-encoding"]) {
    case undefined:
    case "identity":
      return res;
    case "gzip":
      return res.pipe(createGunzip(flush));
    case "deflate":
      return res.pipe(createInflate(flush));
    case "br":
      return res.pipe(createBrotliDecompress({ flush: constants.BROTLI_OPERATION_FLUSH }));
    default:
      return undefined;
  }
}

export function streamOnce(target: StreamTarget, timeoutMs: number): Promise<StreamResult> {
  return new Promise((resolve) => {
    const started = performance.now();
    let ttftMs: number | undefined;
    let serverTtftMs: number | undefined;
    let contentEncoding: string | undefined;
    let textDeltas = 0;
    let done = false;
    let settled = false;
    const settle = (error: string | undefined) => {
      if (settled) return;
      settled = true;
      const totalMs = performance.now() - started;
      const failure = error ?? (!done ? "stream ended before [DONE]" : textDeltas === 0 ? "no text delta" : undefined);
      resolve({ ttftMs, serverTtftMs, totalMs, textDeltas, contentEncoding, error: failure });
    };
    const req = request(
      target.url,
      {
        method: "POST",
        agent: benchAgent,
        headers: {
          ...target.headers,
          "content-type": "application/json",
          "content-length": Buffer.byteLength(target.body),
        },
        signal: AbortSignal.timeout(timeoutMs),
      },
      (res) => {
        contentEncoding = res.headers["content-encoding"];
        res.on("error", (error) => settle(error.message));
        const body = decoded(res);
        if (!body) {
          res.destroy();
          return settle(`unexpected content-encoding ${contentEncoding}`);
        }
        body.setEncoding("utf8");
        body.on("error", (error) => settle(error.message));
        if (res.statusCode !== 200) {
          let text = "";
          body.on("data", (part: string) => (text += part));
          body.on("end", () => settle(`HTTP ${res.statusCode}: ${text.slice(0, 300)}`));
          return;
        }
        let pending = "";
        body.on("data", (text: string) => {
          const arrived = performance.now();
          const lines = (pending + text).split("\n");
          pending = lines.pop() ?? "";
          for (const line of lines) {
            if (!line.startsWith("data: ")) continue;
            const event = readEvent(target.format, line.slice("data: ".length));
            if (event.kind === "done") done = true;
            else if (event.kind === "server-ttft") serverTtftMs ??= event.ms;
            else if (event.kind === "text-delta") {
              textDeltas += 1;
              ttftMs ??= arrived - started;
            } else if (event.kind === "error") {
              res.destroy();
              return settle(event.error);
            }
          }
        });
        body.on("end", () => settle(undefined));
      },
    );
    req.on("error", (error) => settle(error.message));
    req.end(target.body);
  });
}
