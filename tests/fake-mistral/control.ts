/**
 * Test control of the fake: a FIFO of scripted responses, an injected fault, and the log of every
 * `/v1` request. Reachable in-process (FakeMistral methods) and over HTTP under `/__fake/` so that
 * Playwright, which runs the app and the fake as separate processes, can drive it.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { z } from "zod";
import { sendJson } from "./http.ts";

const usageSchema = z.strictObject({
  prompt_tokens: z.number().int().nonnegative(),
  completion_tokens: z.number().int().nonnegative(),
  total_tokens: z.number().int().nonnegative(),
});

export const scriptedResponseSchema = z.strictObject({
  content: z.string().optional(),
  chunks: z.array(z.string()).optional(),
  /** Thinking streamed before the answer, for a model that reasons (split into word pieces). */
  thinking: z.string().optional(),
  toolCalls: z.array(z.strictObject({ id: z.string().optional(), name: z.string(), arguments: z.string() })).optional(),
  finishReason: z.string().optional(),
  usage: usageSchema.optional(),
});

const times = z.number().int().positive().optional();
export const faultSchema = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.literal("rate_limit"), times, retryAfterSeconds: z.number().nonnegative().optional() }),
  z.strictObject({
    kind: z.literal("server_error"),
    status: z.union([z.literal(500), z.literal(502), z.literal(503)]).optional(),
    times,
  }),
  z.strictObject({ kind: z.literal("cut_mid_stream"), afterChunks: z.number().int().nonnegative().optional() }),
  z.strictObject({
    kind: z.literal("slow"),
    chunkDelayMs: z.number().nonnegative(),
    firstChunkDelayMs: z.number().nonnegative().optional(),
  }),
  z.strictObject({ kind: z.literal("unauthorized") }),
]);

export type ScriptedResponse = z.infer<typeof scriptedResponseSchema>;
export type Fault = z.infer<typeof faultSchema>;

export type RecordedRequest = {
  method: string;
  path: string;
  /** Lower-case names, as Node delivers them. */
  headers: Record<string, string>;
  /** Parsed JSON, the raw text when it is not JSON, or null when empty. */
  body: unknown;
  /** Status sent, or null while the response has not started. */
  status: number | null;
  /** The client closed the connection before the response was complete. */
  aborted: boolean;
  /** The fake dropped the connection on purpose (`cut_mid_stream`). */
  cut: boolean;
  /** When the request arrived, ms since the epoch: shows which requests were in flight together. */
  receivedAt: number;
};

export type FakeControl = {
  requests: RecordedRequest[];
  script(...responses: ScriptedResponse[]): void;
  setFault(fault: Fault | null): void;
  reset(): void;
  nextScripted(): ScriptedResponse | undefined;
  /** The fault for this chat request; counted faults (rate_limit, server_error) are used up here. */
  takeChatFault(): Fault | null;
  /** The `unauthorized` fault applies to every /v1 route. */
  forcesUnauthorized(): boolean;
};

export function createControl(): FakeControl {
  const requests: RecordedRequest[] = [];
  const queue: ScriptedResponse[] = [];
  let fault: Fault | null = null;
  let remaining = 0;
  const setFault = (next: Fault | null) => {
    fault = next;
    remaining = next && (next.kind === "rate_limit" || next.kind === "server_error") ? (next.times ?? 1) : 0;
  };
  return {
    // Cleared in place so that `fake.requests` keeps pointing at the live log.
    requests,
    script: (...responses) => void queue.push(...responses),
    setFault,
    reset: () => {
      requests.length = 0;
      queue.length = 0;
      setFault(null);
    },
    nextScripted: () => queue.shift(),
    takeChatFault: () => {
      const current = fault;
      if (current && (current.kind === "rate_limit" || current.kind === "server_error")) {
        remaining -= 1;
        if (remaining <= 0) setFault(null);
      }
      return current?.kind === "unauthorized" ? null : current;
    },
    forcesUnauthorized: () => fault?.kind === "unauthorized",
  };
}

const scriptBodySchema = z.union([scriptedResponseSchema, z.array(scriptedResponseSchema)]);

function parseJson(text: string): { ok: true; value: unknown } | { ok: false; error: string } {
  try {
    return { ok: true, value: text === "" ? null : JSON.parse(text) };
  } catch (error) {
    return { ok: false, error: (error as Error).message };
  }
}

/** `/__fake/*` routes; no auth, JSON in and out. */
export function handleControl(
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
  text: string,
  control: FakeControl,
): void {
  const route = `${req.method ?? "GET"} ${path}`;
  if (route === "GET /__fake/requests") return sendJson(res, 200, control.requests);
  if (route === "DELETE /__fake/requests") {
    control.requests.length = 0;
    return sendJson(res, 200, { ok: true });
  }
  if (route === "POST /__fake/reset") {
    control.reset();
    return sendJson(res, 200, { ok: true });
  }
  if (route !== "POST /__fake/script" && route !== "POST /__fake/fault")
    return sendJson(res, 404, { detail: "Not Found" });
  const json = parseJson(text);
  if (!json.ok) return sendJson(res, 400, { error: `body is not JSON: ${json.error}` });
  if (route === "POST /__fake/script") {
    const parsed = scriptBodySchema.safeParse(json.value);
    if (!parsed.success) return sendJson(res, 400, { error: z.prettifyError(parsed.error) });
    const responses = Array.isArray(parsed.data) ? parsed.data : [parsed.data];
    control.script(...responses);
    return sendJson(res, 200, { ok: true, queued: responses.length });
  }
  const parsed = faultSchema.nullable().safeParse(json.value);
  if (!parsed.success) return sendJson(res, 400, { error: z.prettifyError(parsed.error) });
  control.setFault(parsed.data);
  return sendJson(res, 200, { ok: true, fault: parsed.data });
}
