import { afterAll, beforeAll, beforeEach, vi } from "vitest";
import { startFakeMistral, type FakeMistral } from "../fake-mistral/server.ts";

/**
 * Starts the fake Mistral server for a test file, points `/api/chat` at it with `apiKey` as the
 * server's key, and resets its script and recorded requests before each test.
 */
export function withFakeMistral(apiKey: string): () => FakeMistral {
  let fake: FakeMistral | undefined;
  beforeAll(async () => {
    fake = await startFakeMistral();
    vi.stubEnv("MISTRAL_BASE_URL", fake.url);
    vi.stubEnv("MISTRAL_API_KEY", apiKey);
  });
  afterAll(async () => {
    vi.unstubAllEnvs();
    await fake?.close();
  });
  beforeEach(() => current().reset());
  function current(): FakeMistral {
    if (!fake) throw new Error("The fake Mistral server is not started yet: call it inside a test.");
    return fake;
  }
  return current;
}
