/**
 * A fake of api.mistral.ai that speaks its real wire format (see README.md and
 * /work/shared/mistral-wire/FACTS.md), for unit, integration and end-to-end tests.
 */
import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { handleChatCompletion } from "./chat.ts";
import {
  createControl,
  handleControl,
  type FakeControl,
  type Fault,
  type RecordedRequest,
  type ScriptedResponse,
} from "./control.ts";
import { notFound, unauthorized, type JsonReply } from "./errors.ts";
import { readBody, sendJson, sendReply } from "./http.ts";
import { modelList } from "./models.ts";
import { loadRequestSchema } from "./schema.ts";

export type { Fault, RecordedRequest, ScriptedResponse } from "./control.ts";
export { countPromptTokens } from "./answers.ts";

export type FakeMistral = {
  /** Base URL ending in /v1, as the Mistral clients expect it, e.g. http://127.0.0.1:41234/v1 */
  url: string;
  origin: string;
  /** Every request outside /__fake/, rejected ones included, in arrival order. */
  requests: RecordedRequest[];
  /** Queues responses; each valid chat request consumes the oldest one. */
  script(...responses: ScriptedResponse[]): void;
  setFault(fault: Fault | null): void;
  /** Clears requests, scripts and the fault. */
  reset(): void;
  close(): Promise<void>;
};

const routes: Record<string, string[]> = { "/v1/chat/completions": ["POST"], "/v1/models": ["GET"] };

function headerMap(req: IncomingMessage): Record<string, string> {
  return Object.fromEntries(
    Object.entries(req.headers).flatMap(([name, value]) =>
      value === undefined ? [] : [[name, Array.isArray(value) ? value.join(", ") : value]],
    ),
  );
}

function parsedBody(text: string): unknown {
  if (text === "") return null;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** FACTS §6: `Authorization: Bearer <key>`; the fake treats keys starting with "bad" as revoked. */
function isAuthorized(req: IncomingMessage, control: FakeControl): boolean {
  const key = /^Bearer (.*)$/.exec(req.headers.authorization ?? "")?.[1]?.trim() ?? "";
  return key !== "" && !key.startsWith("bad") && !control.forcesUnauthorized();
}

async function route(req: IncomingMessage, res: ServerResponse, control: FakeControl): Promise<void> {
  const path = new URL(req.url ?? "/", "http://fake.invalid").pathname;
  const text = await readBody(req);
  if (path.startsWith("/__fake/")) return handleControl(req, res, path, text, control);

  const record: RecordedRequest = {
    method: req.method ?? "GET",
    path,
    headers: headerMap(req),
    body: parsedBody(text),
    status: null,
    aborted: false,
    cut: false,
    receivedAt: Date.now(),
  };
  control.requests.push(record);
  res.on("close", () => {
    if (!res.writableFinished && !record.cut) record.aborted = true;
  });
  res.setHeader("mistral-correlation-id", randomUUID());
  const reply = (r: JsonReply) => sendReply(res, record, r);

  const methods = routes[path];
  if (methods === undefined) return reply(notFound);
  if (!methods.includes(record.method)) return reply({ status: 405, body: { detail: "Method Not Allowed" } });
  if (!isAuthorized(req, control)) return reply(unauthorized);
  if (path === "/v1/models") return reply({ status: 200, body: modelList() });
  return handleChatCompletion({ res, text, record, control });
}

export async function startFakeMistral(options: { port?: number; host?: string } = {}): Promise<FakeMistral> {
  const host = options.host ?? "127.0.0.1";
  loadRequestSchema(); // compile once up front so the first request is not the slow one
  const control = createControl();
  const server = createServer((req, res) => {
    route(req, res, control).catch((error: unknown) => {
      // A bug in the fake: say so loudly, and answer like an upstream failure would.
      console.error("fake-mistral: request failed", error);
      if (!res.headersSent) sendJson(res, 500, { detail: "fake-mistral internal error" });
      else res.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const origin = `http://${host.includes(":") ? `[${host}]` : host}:${port}`;
  return {
    url: `${origin}/v1`,
    origin,
    requests: control.requests,
    script: control.script,
    setFault: control.setFault,
    reset: control.reset,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
