import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { POST } from "@/app/api/chat/route";
import { USER_API_KEY_HEADER } from "@/lib/chat/request";
import { defaultParameters } from "@/lib/workspace/model";
import { closeLimitStore } from "@/lib/limits/store";
import { startFakeMistral, type FakeMistral } from "../fake-mistral/server.ts";

let fake: FakeMistral;
beforeAll(async () => {
  fake = await startFakeMistral();
});
afterAll(() => fake.close());
beforeEach(() => {
  fake.reset();
  vi.stubEnv("MISTRAL_BASE_URL", fake.url);
  vi.stubEnv("MISTRAL_API_KEY", "budget-server-key");
  vi.stubEnv("REDIS_URL", "");
  vi.stubEnv("DAILY_TOKEN_BUDGET", "150");
});
afterEach(() => {
  vi.unstubAllEnvs();
  closeLimitStore();
});

const body = {
  messages: [{ role: "user", content: "Count my tokens." }],
  parameters: { ...defaultParameters, tools: [], responseFormat: { type: "text" }, prediction: null, promptMode: null },
};

function run(headers: Record<string, string>) {
  return POST(
    new Request("http://localhost/api/chat", {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body: JSON.stringify(body),
    }),
  );
}

/** Scripts one answer that uses `total` tokens and runs it to the end. */
async function spend(headers: Record<string, string>, total: number): Promise<Response> {
  fake.script({
    content: "Counted.",
    usage: { prompt_tokens: total - 10, completion_tokens: 10, total_tokens: total },
  });
  const response = await run(headers);
  await response.text();
  return response;
}

describe("DAILY_TOKEN_BUDGET", () => {
  it("counts the tokens Mistral reported and refuses the next run on the server key once they are spent", async () => {
    const alice = { "x-playground-account": "alice" };
    expect((await spend(alice, 100)).status).toBe(200);
    // 100 of 150 used: the next run may start, and takes the count past the budget.
    expect((await spend(alice, 100)).status).toBe(200);
    const refused = await run(alice);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(await refused.json()).toMatchObject({
      error: { code: "rate_limited", message: expect.stringMatching(/budget of 150 tokens/) },
    });
    expect(fake.requests).toHaveLength(2);

    // Another account has its own budget; the user's own key is not counted.
    expect((await spend({ "x-playground-account": "bob" }, 10)).status).toBe(200);
    expect((await spend({ ...alice, [USER_API_KEY_HEADER]: "alice-own-key" }, 10)).status).toBe(200);
  });
});
