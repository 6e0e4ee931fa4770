import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { GET as authGet, POST as authPost } from "@/app/api/auth/[...all]/route";
import { getAuth, resetAuth } from "@/lib/auth/auth";
import { listUsers } from "@/lib/auth/users";
import { closeLimitStore } from "@/lib/limits/store";
import { closeShareStore } from "@/lib/shares/db";
import { proxy } from "@/proxy";
import { startMockIssuer, type MockIssuer } from "../support/mock-oidc-issuer";

const ORIGIN = "http://localhost:3000";
const CLIENT = { id: "playground", secret: "mock-client-secret" };
let dataDir: string;
let issuer: MockIssuer;

beforeAll(async () => {
  issuer = await startMockIssuer(CLIENT, {
    sub: "carol-1",
    email: "carol@corp.example",
    email_verified: true,
    name: "Carol",
  });
  dataDir = mkdtempSync(path.join(tmpdir(), "oidc-"));
  vi.stubEnv("DATA_DIR", dataDir);
  vi.stubEnv("DATABASE_URL", "");
  vi.stubEnv("REDIS_URL", "");
  vi.stubEnv("AUTH_SECRET", "a-test-secret-of-at-least-32-characters");
  vi.stubEnv("AUTH_URL", ORIGIN);
  vi.stubEnv("OIDC_ISSUER", issuer.url);
  vi.stubEnv("OIDC_CLIENT_ID", CLIENT.id);
  vi.stubEnv("OIDC_CLIENT_SECRET", CLIENT.secret);
  resetAuth();
  // Opening the database and reading the issuer's discovery document, before the clock starts.
  await (
    await getAuth()
  ).$context;
}, 60_000);
afterAll(async () => {
  vi.unstubAllEnvs();
  resetAuth();
  closeLimitStore();
  await closeShareStore();
  await issuer.close();
  rmSync(dataDir, { recursive: true, force: true });
});

/** Cookies as a browser keeps them: later Set-Cookie headers replace earlier ones by name. */
class CookieJar {
  private cookies = new Map<string, string>();
  take(response: Response) {
    for (const cookie of response.headers.getSetCookie()) {
      const [pair = ""] = cookie.split(";");
      const [name = "", value = ""] = pair.split("=", 2);
      if (/max-age=0/i.test(cookie) || value === "") this.cookies.delete(name);
      else this.cookies.set(name, pair);
    }
  }
  get header() {
    return [...this.cookies.values()].join("; ");
  }
}

describe("sign-in with an OpenID Connect provider", () => {
  it("signs in through the issuer, creates the account, and opens the playground", async () => {
    const jar = new CookieJar();
    const start = await authPost(
      new Request(`${ORIGIN}/api/auth/sign-in/social`, {
        method: "POST",
        headers: { "content-type": "application/json", origin: ORIGIN },
        body: JSON.stringify({ provider: "oidc", callbackURL: "/" }),
      }),
    );
    expect(start.status).toBe(200);
    jar.take(start);
    const { url } = (await start.json()) as { url: string };
    expect(url.startsWith(`${issuer.url}/authorize`)).toBe(true);

    // The browser follows the issuer back to the playground's callback.
    const atIssuer = await fetch(url, { redirect: "manual" });
    expect(atIssuer.status).toBe(302);
    const callback = new URL(atIssuer.headers.get("location") ?? "");
    expect(callback.origin + callback.pathname).toBe(`${ORIGIN}/api/auth/callback/oidc`);

    const back = await authGet(new Request(callback, { headers: { cookie: jar.header } }));
    expect(back.status).toBe(302);
    expect(new URL(back.headers.get("location") ?? "", ORIGIN).pathname).toBe("/");
    expect(issuer.tokenRequests).toBe(1);
    jar.take(back);

    const page = await proxy(new NextRequest(`${ORIGIN}/`, { headers: { cookie: jar.header } }));
    expect(page.headers.get("x-middleware-next")).toBe("1");
    expect((await listUsers()).map((user) => user.email)).toEqual(["carol@corp.example"]);
  });
});
