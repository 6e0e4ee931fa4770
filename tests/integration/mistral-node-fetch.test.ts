import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { nodeFetch } from "@/lib/mistral/node-fetch";

type Handler = (req: IncomingMessage, res: ServerResponse, body: string) => void;
const handlers = new Map<string, Handler>();
let server: Server;
let origin: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = "";
    req.setEncoding("utf8");
    req.on("data", (chunk: string) => (body += chunk));
    req.on("end", () => handlers.get(req.url ?? "")?.(req, res, body));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

function route(path: string, handler: Handler): string {
  handlers.set(path, handler);
  return `${origin}${path}`;
}

/** An answer that sends one event and then waits, and when the server saw its connection close. */
function endlessStream(path: string): { url: string; serverSawClose: Promise<void> } {
  let closed!: () => void;
  const serverSawClose = new Promise<void>((resolve) => (closed = resolve));
  const url = route(path, (_req, res) => {
    res.writeHead(200, { "content-type": "text/event-stream" });
    res.write("data: one\n\n");
    res.on("close", closed);
  });
  return { url, serverSawClose };
}

/** The error a call fails with, or the error its body fails with when read. */
async function failure(call: () => Promise<Response>): Promise<unknown> {
  try {
    const response = await call();
    await response.text();
  } catch (error) {
    return error;
  }
  throw new Error("the call did not fail");
}

function shapeOf(error: unknown) {
  const e = error as { name: string; message: string; cause?: { code?: string } };
  return { type: e.constructor.name, name: e.name, message: e.message, hasCause: e.cause !== undefined };
}

describe("nodeFetch", () => {
  it("posts the body and headers, and streams the answer as it comes", async () => {
    const url = route("/stream", (req, res, body) => {
      res.writeHead(200, { "content-type": "text/event-stream", "x-echo": `${req.headers.authorization} ${body}` });
      res.write("data: one\n\n");
      setTimeout(() => res.end("data: two\n\n"), 20);
    });
    const response = await nodeFetch(url, {
      method: "POST",
      headers: { authorization: "Bearer k", "content-type": "application/json" },
      body: '{"a":1}',
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/event-stream");
    expect(response.headers.get("x-echo")).toBe('Bearer k {"a":1}');
    const reader = response.body!.getReader();
    const first = await reader.read();
    expect(new TextDecoder().decode(first.value)).toBe("data: one\n\n");
    let rest = "";
    for (let part = await reader.read(); !part.done; part = await reader.read())
      rest += new TextDecoder().decode(part.value);
    expect(rest).toBe("data: two\n\n");
  });

  it("gives error answers with their status, headers and body", async () => {
    const url = route("/limited", (_req, res) => {
      res.writeHead(429, { "retry-after": "3", "content-type": "application/json" });
      res.end('{"message":"Rate limit exceeded"}');
    });
    const response = await nodeFetch(url, { method: "POST", body: "{}" });
    expect(response.status).toBe(429);
    expect(response.ok).toBe(false);
    expect(response.headers.get("retry-after")).toBe("3");
    expect(await response.json()).toEqual({ message: "Rate limit exceeded" });
  });

  it("decodes a gzipped answer", async () => {
    const url = route("/gzip", (_req, res) => {
      res.writeHead(200, { "content-encoding": "gzip", "content-type": "application/json" });
      res.end(gzipSync('{"ok":true}'));
    });
    expect(await (await nodeFetch(url)).json()).toEqual({ ok: true });
  });

  it("fails as undici's fetch does when nothing listens", async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const url = `http://127.0.0.1:${(closed.address() as AddressInfo).port}/`;
    await new Promise((resolve) => closed.close(resolve));
    const ours = await failure(() => nodeFetch(url, { method: "POST", body: "{}" }));
    const undici = await failure(() => fetch(url, { method: "POST", body: "{}" }));
    expect(shapeOf(ours)).toEqual(shapeOf(undici));
    expect((ours as { cause: { code: string } }).cause.code).toBe("ECONNREFUSED");
  });

  it("fails as undici's fetch does when the connection drops before the answer", async () => {
    const url = route("/drop", (_req, res) => res.socket?.destroy());
    const ours = await failure(() => nodeFetch(url, { method: "POST", body: "{}" }));
    const undici = await failure(() => fetch(url, { method: "POST", body: "{}" }));
    expect(shapeOf(ours)).toEqual(shapeOf(undici));
  });

  it("errors the body as undici's fetch does when the connection drops mid-answer", async () => {
    const url = route("/cut", (_req, res) => {
      res.writeHead(200, { "content-type": "text/event-stream" });
      res.write("data: one\n\n", () => setTimeout(() => res.socket?.destroy(), 10));
    });
    const ours = await failure(() => nodeFetch(url, { method: "POST", body: "{}" }));
    const undici = await failure(() => fetch(url, { method: "POST", body: "{}" }));
    expect(shapeOf(ours)).toEqual(shapeOf(undici));
    expect(shapeOf(ours)).toMatchObject({ type: "TypeError", message: "terminated" });
  });

  it("rejects with the signal's reason when aborted before, during the request, or while the body streams", async () => {
    const slow = route("/slow", () => undefined);
    const before = new AbortController();
    before.abort();
    await expect(nodeFetch(slow, { signal: before.signal })).rejects.toMatchObject({ name: "AbortError" });

    const during = new AbortController();
    const pending = nodeFetch(slow, { method: "POST", body: "{}", signal: during.signal });
    during.abort();
    await expect(pending).rejects.toMatchObject({ name: "AbortError" });

    const { url: streaming, serverSawClose } = endlessStream("/streaming");
    const midway = new AbortController();
    const response = await nodeFetch(streaming, { method: "POST", body: "{}", signal: midway.signal });
    const reader = response.body!.getReader();
    await reader.read();
    midway.abort();
    await expect(reader.read()).rejects.toMatchObject({ name: "AbortError" });
    await serverSawClose;
  });

  it("closes the connection when the body is cancelled", async () => {
    const { url, serverSawClose } = endlessStream("/cancel");
    const response = await nodeFetch(url, { method: "POST", body: "{}" });
    await response.body!.cancel();
    await serverSawClose;
  });

  it("reuses the connection for the next request", async () => {
    const url = route("/port", (req, res) => res.end(String(req.socket.remotePort)));
    const first = await (await nodeFetch(url)).text();
    const second = await (await nodeFetch(url)).text();
    expect(second).toBe(first);
  });
});
