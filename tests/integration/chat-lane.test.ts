import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { chatLane } from "@/lib/server/chat-lane";
import { defaultParameters } from "@/lib/workspace/model";
import { leaveMidAnswer } from "../e2e/http.ts";
import { startFakeMistral, type FakeMistral } from "../fake-mistral/server.ts";

let fake: FakeMistral;
let server: http.Server;
let port: number;

beforeAll(async () => {
  fake = await startFakeMistral();
  vi.stubEnv("MISTRAL_BASE_URL", fake.url);
  vi.stubEnv("MISTRAL_API_KEY", "lane-test-key");
  // One slot: a second stream is refused until the first one's slot is freed.
  vi.stubEnv("MAX_CONCURRENT_STREAMS", "1");
  vi.stubEnv("CHAT_RATE_LIMIT_PER_MINUTE", "10000");
  server = http.createServer((request, response) => chatLane.serve(request, response));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(async () => {
  vi.unstubAllEnvs();
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  await fake.close();
});
beforeEach(() => fake.reset());

const body = JSON.stringify({
  messages: [{ role: "user", content: "Hello" }],
  parameters: { ...defaultParameters, tools: [], prediction: null, promptMode: null },
});

function post(): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      { host: "127.0.0.1", port, method: "POST", path: "/api/chat", headers: { "content-type": "application/json" } },
      (response) => {
        let text = "";
        response.setEncoding("utf8");
        response.on("data", (part: string) => (text += part));
        response.on("end", () => resolve({ status: response.statusCode ?? 0, text }));
      },
    );
    request.on("error", reject);
    request.end(body);
  });
}

describe("the chat lane", () => {
  it("streams an answer to the end", async () => {
    const answer = await post();
    expect(answer.status).toBe(200);
    expect(answer.text).toContain('"type":"finish"');
    expect(answer.text.trimEnd().endsWith("data: [DONE]")).toBe(true);
  });

  it("ends the upstream call and frees the stream slot when the client leaves", async () => {
    fake.setFault({ kind: "slow", chunkDelayMs: 200 });
    await leaveMidAnswer(port, body);
    await vi.waitFor(() => expect(fake.requests.at(-1)?.aborted).toBe(true), { timeout: 10_000 });

    fake.setFault(null);
    // With one slot, a slot still held would answer 503.
    await vi.waitFor(
      async () => {
        const next = await post();
        expect(next.status).toBe(200);
        expect(next.text).toContain('"type":"finish"');
      },
      { timeout: 10_000 },
    );
  });

  it("answers a malformed body with a JSON 400 and calls nobody", async () => {
    const answer = await new Promise<{ status: number; text: string }>((resolve, reject) => {
      const request = http.request(
        { host: "127.0.0.1", port, method: "POST", path: "/api/chat", headers: { "content-type": "application/json" } },
        (response) => {
          let text = "";
          response.on("data", (part: Buffer) => (text += part.toString("utf8")));
          response.on("end", () => resolve({ status: response.statusCode ?? 0, text }));
        },
      );
      request.on("error", reject);
      request.end("{");
    });
    expect(answer.status).toBe(400);
    expect(JSON.parse(answer.text)).toMatchObject({ error: { code: "invalid_request" } });
    expect(fake.requests).toEqual([]);
  });
});
