import { NextRequest } from "next/server";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { closeLimitStore } from "@/lib/limits/store";
import { proxy } from "@/proxy";

beforeEach(() => vi.stubEnv("CHAT_RATE_LIMIT_PER_MINUTE", "3"));
afterEach(async () => {
  vi.unstubAllEnvs();
  closeLimitStore();
});

let client = 0;
function request(path: string, init: { method?: string; headers?: Record<string, string>; body?: string } = {}) {
  return new NextRequest(`http://playground.test${path}`, {
    method: init.method ?? "POST",
    headers: { host: "playground.test", ...init.headers },
    body: init.body,
  });
}
const json = { "content-type": "application/json" };

describe("the API guard in the proxy", () => {
  it("refuses a cross-site POST and a text/plain body before the route runs", async () => {
    const crossSite = await proxy(
      request("/api/chat", { headers: { ...json, origin: "https://evil.test" }, body: "{}" }),
    );
    expect(crossSite.status).toBe(403);
    expect(await crossSite.json()).toMatchObject({ error: { code: "forbidden" } });

    const plain = await proxy(request("/api/chat", { headers: { "content-type": "text/plain" }, body: "{}" }));
    expect(plain.status).toBe(415);
    expect(await plain.json()).toMatchObject({ error: { code: "invalid_request" } });

    const sameSite = await proxy(
      request("/api/shares", { headers: { ...json, origin: "http://playground.test" }, body: "{}" }),
    );
    expect(sameSite.headers.get("x-middleware-next")).toBe("1");
  });

  it("lets reads and body-less deletes through without a content type", async () => {
    expect((await proxy(request("/api/models", { method: "GET" }))).headers.get("x-middleware-next")).toBe("1");
    const deletion = await proxy(request("/api/shares/abc", { method: "DELETE" }));
    expect(deletion.headers.get("x-middleware-next")).toBe("1");
  });

  it("limits runs per client address with RateLimit headers, then 429 and Retry-After", async () => {
    client += 1;
    const from = { ...json, "x-forwarded-for": `198.51.100.${client}` };
    const answers = [];
    for (let i = 0; i < 4; i += 1) answers.push(await proxy(request("/api/chat", { headers: from, body: "{}" })));
    expect(answers.slice(0, 3).map((r) => r.headers.get("ratelimit-remaining"))).toEqual(["2", "1", "0"]);
    expect(answers[0]?.headers.get("ratelimit-limit")).toBe("3");
    const refused = answers[3]!;
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    const body = (await refused.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe("rate_limited");
    expect(body.error.message).toMatch(/Too many runs/);

    // Another client has its own count.
    const other = await proxy(
      request("/api/chat", { headers: { ...json, "x-forwarded-for": "203.0.113.250" }, body: "{}" }),
    );
    expect(other.headers.get("ratelimit-remaining")).toBe("2");
  });

  it("never trusts an account header sent by a client", async () => {
    const response = await proxy(
      request("/api/chat", { headers: { ...json, "x-playground-account": "someone-else" }, body: "{}" }),
    );
    expect(response.headers.get("x-middleware-override-headers") ?? "").not.toContain("x-playground-account");
  });
});
