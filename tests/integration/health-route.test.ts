import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { GET } from "@/app/api/health/route";
import { closeLimitStore } from "@/lib/limits/store";
import { closeShareStore, getShareStore } from "@/lib/shares/db";

let dataDir: string;
beforeAll(() => {
  dataDir = mkdtempSync(path.join(tmpdir(), "health-"));
});
afterEach(async () => {
  vi.unstubAllEnvs();
  closeLimitStore();
  await closeShareStore();
});
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe("GET /api/health", () => {
  it("answers 200 with the database state and whether a server key is set, never the key", async () => {
    vi.stubEnv("DATA_DIR", dataDir);
    vi.stubEnv("DATABASE_URL", "");
    vi.stubEnv("REDIS_URL", "");
    vi.stubEnv("MISTRAL_API_KEY", "health-secret-key");
    // Opening PGlite and migrating takes longer than the probe waits; a fresh start is a 503.
    await getShareStore().getShare("warm-up");
    const response = await GET();
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(JSON.parse(text)).toEqual({
      ok: true,
      database: { kind: "pglite", ok: true },
      serverKey: true,
      signIn: false,
    });
    expect(text).not.toContain("health-secret-key");
  }, 60_000);

  it("answers 503 when the database is down", async () => {
    vi.stubEnv("DATABASE_URL", "postgres://nobody@127.0.0.1:1/none");
    vi.stubEnv("REDIS_URL", "");
    const response = await GET();
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({ ok: false, database: { kind: "postgres", ok: false } });
  });

  it("answers 503 when Redis is configured and down", async () => {
    vi.stubEnv("DATA_DIR", dataDir);
    vi.stubEnv("DATABASE_URL", "");
    vi.stubEnv("REDIS_URL", "redis://127.0.0.1:1");
    const response = await GET();
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({ ok: false, database: { ok: true }, redis: { ok: false } });
  });
});
