/**
 * `POST /api/chat` is served by the chat lane, before Next.js routes the request
 * (lib/server/chat-lane.ts): it must answer as the proxy and the route would, with the headers
 * next.config.mjs gives every API answer, and stop the upstream call when the client leaves.
 */
import type http from "node:http";
import { expect, test } from "@playwright/test";
import { MAX_CHAT_BODY_BYTES } from "@/lib/chat/limits";
import { defaultParameters } from "@/lib/workspace/model";
import { fake } from "./fake.ts";
import { leaveMidAnswer, rawRequest } from "./http.ts";
import { E2E } from "./ports.ts";

const body = JSON.stringify({
  messages: [{ role: "user", content: "Hello" }],
  parameters: { ...defaultParameters, tools: [], prediction: null, promptMode: null },
});
const json = { "content-type": "application/json" };

test.describe.configure({ mode: "serial" });
test.beforeEach(() => fake.reset());
test.afterEach(() => fake.reset());

test("an answer carries the stream's headers and those of every API answer", async () => {
  const route = await rawRequest(E2E.appPort, { method: "GET", path: "/api/models" });
  const chat = await rawRequest(E2E.appPort, { method: "POST", path: "/api/chat", headers: json, body });
  expect(chat.status, chat.body).toBe(200);
  for (const name of ["x-content-type-options", "referrer-policy", "content-security-policy"]) {
    expect(chat.headers[name], name).toBe(route.headers[name]);
    expect(chat.headers[name], name).toBeTruthy();
  }
  expect(chat.headers["content-type"]).toBe("text/event-stream");
  expect(chat.headers["x-vercel-ai-ui-message-stream"]).toBe("v1");
  expect(chat.headers["cache-control"]).toBe("no-cache, no-transform");
  expect(chat.headers["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
  expect(chat.headers["ratelimit-limit"]).toBeTruthy();
  expect(chat.body).toContain('"type":"text-delta"');
  expect(chat.body.trimEnd().endsWith("data: [DONE]")).toBe(true);
});

test("the API guard and the route's checks answer before any upstream call", async () => {
  const cases: { headers: http.OutgoingHttpHeaders; body: string; status: number; code: string }[] = [
    { headers: { ...json, origin: "https://elsewhere.test" }, body, status: 403, code: "forbidden" },
    { headers: { "content-type": "text/plain" }, body, status: 415, code: "invalid_request" },
    { headers: json, body: "{not json", status: 400, code: "invalid_request" },
    { headers: json, body: "x".repeat(MAX_CHAT_BODY_BYTES + 1), status: 413, code: "too_large" },
    // No length declared: counted as it arrives.
    {
      headers: { ...json, "transfer-encoding": "chunked" },
      body: "x".repeat(MAX_CHAT_BODY_BYTES + 1),
      status: 413,
      code: "too_large",
    },
    { headers: json, body: '{"messages": []}', status: 400, code: "invalid_request" },
  ];
  for (const { headers, body: sent, status, code } of cases) {
    const answer = await rawRequest(E2E.appPort, { method: "POST", path: "/api/chat", headers, body: sent });
    expect(answer.status, answer.body).toBe(status);
    expect(answer.headers["content-type"]).toBe("application/json");
    expect(answer.headers["content-security-policy"]).toBe("default-src 'none'; frame-ancestors 'none'");
    expect((JSON.parse(answer.body) as { error: { code: string } }).error.code).toBe(code);
  }
  expect(await fake.chatRequests()).toEqual([]);
});

test("a client that leaves mid-answer stops the upstream call, and the next run is served", async () => {
  await fake.fault({ kind: "slow", chunkDelayMs: 300 });
  await leaveMidAnswer(E2E.appPort, body);
  await expect.poll(async () => (await fake.chatRequests()).at(-1)?.aborted, { timeout: 10_000 }).toBe(true);

  await fake.fault(null);
  const next = await rawRequest(E2E.appPort, { method: "POST", path: "/api/chat", headers: json, body });
  expect(next.status).toBe(200);
  expect(next.body).toContain('"type":"finish"');
});
