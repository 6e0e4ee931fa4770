import { afterAll, beforeAll, afterEach, describe, expect, it, vi } from "vitest";
import { GET } from "@/app/api/models/route";
import { modelListSchema } from "@/lib/mistral/catalogue";
import { startFakeMistral, type FakeMistral } from "../fake-mistral/server.ts";

let fake: FakeMistral;
beforeAll(async () => {
  fake = await startFakeMistral();
});
afterAll(() => fake.close());
afterEach(() => {
  vi.unstubAllEnvs();
  fake.reset();
});

async function list(headers: Record<string, string> = {}) {
  const response = await GET(new Request("http://localhost/api/models", { headers }));
  expect(response.status).toBe(200);
  return modelListSchema.parse(await response.json());
}

describe("GET /api/models", () => {
  it("lists the live chat models with context length and default temperature, and caches them", async () => {
    vi.stubEnv("MISTRAL_BASE_URL", fake.url);
    vi.stubEnv("MISTRAL_API_KEY", "models-key-1");
    const first = await list();
    expect(first.source).toBe("live");
    const large = first.models.find((m) => m.id === "mistral-large-latest");
    expect(large?.contextLength).toBeGreaterThan(100_000);
    expect(large?.defaultTemperature).toBeTypeOf("number");
    // Embedding and OCR models are not chat models.
    expect(first.models.some((m) => m.id.includes("embed") || m.id.includes("ocr"))).toBe(false);

    await list();
    expect(fake.requests.filter((r) => r.path === "/v1/models")).toHaveLength(1);
  });

  it("falls back to the built-in catalogue, saying why, when Mistral cannot be reached", async () => {
    vi.stubEnv("MISTRAL_BASE_URL", "http://127.0.0.1:9/v1");
    vi.stubEnv("MISTRAL_API_KEY", "models-key-2");
    const fallback = await list();
    expect(fallback.source).toBe("builtin");
    expect(fallback.notice).toBe("unreachable");
    expect(fallback.models.map((m) => m.id)).toContain("mistral-large-latest");
  });

  it("falls back when the key is rejected, and when there is no key at all", async () => {
    vi.stubEnv("MISTRAL_BASE_URL", fake.url);
    vi.stubEnv("MISTRAL_API_KEY", "");
    expect((await list({ "x-mistral-api-key": "bad-key" })).notice).toBe("unauthorized");
    expect((await list()).notice).toBe("no_api_key");
  });
});
