import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { POST as authPost } from "@/app/api/auth/[...all]/route";
import { resetAuth } from "@/lib/auth/auth";
import { addUser, listUsers, removeUser, resetPassword } from "@/lib/auth/users";
import { closeLimitStore } from "@/lib/limits/store";
import { closeShareStore } from "@/lib/shares/db";
import { proxy } from "@/proxy";

const ORIGIN = "http://localhost:3000";
let dataDir: string;

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), "sign-in-"));
  vi.stubEnv("DATA_DIR", dataDir);
  vi.stubEnv("DATABASE_URL", "");
  vi.stubEnv("REDIS_URL", "");
  vi.stubEnv("AUTH_SECRET", "a-test-secret-of-at-least-32-characters");
  vi.stubEnv("AUTH_URL", ORIGIN);
  vi.stubEnv("SIGN_UP_DOMAINS", "example.org");
  resetAuth();
  expect(await addUser("Admin@Example.com", "first password")).toEqual({ ok: true, value: { role: "admin" } });
  expect(await addUser("member@example.com", "second password")).toEqual({ ok: true, value: { role: "member" } });
}, 60_000);
afterAll(async () => {
  vi.unstubAllEnvs();
  resetAuth();
  closeLimitStore();
  await closeShareStore();
  rmSync(dataDir, { recursive: true, force: true });
});

function authRequest(endpoint: string, body: unknown, cookie?: string) {
  return authPost(
    new Request(`${ORIGIN}/api/auth/${endpoint}`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: ORIGIN, ...(cookie ? { cookie } : {}) },
      body: JSON.stringify(body),
    }),
  );
}

function page(pathname: string, cookie?: string) {
  return proxy(new NextRequest(`${ORIGIN}${pathname}`, { headers: cookie ? { cookie } : {} }));
}

/** The session cookie as a browser would send it back. */
function sessionCookie(response: Response): string {
  return response.headers
    .getSetCookie()
    .map((cookie) => cookie.split(";")[0])
    .join("; ");
}

describe("sign-in with AUTH_SECRET set", () => {
  it("answers anonymous API calls with 401 unauthenticated and sends pages to /sign-in", async () => {
    const api = await page("/api/models");
    expect(api.status).toBe(401);
    expect(await api.json()).toMatchObject({ error: { code: "unauthenticated" } });

    for (const pathname of ["/", "/translate", "/compare"]) {
      const redirect = await page(pathname);
      expect(redirect.status).toBe(307);
      expect(new URL(redirect.headers.get("location") ?? "").pathname).toBe("/sign-in");
    }
    expect(new URL((await page("/translate")).headers.get("location") ?? "").searchParams.get("next")).toBe(
      "/translate",
    );
  });

  it("keeps /api/health, /sign-in and share pages public", async () => {
    for (const pathname of ["/api/health", "/sign-in", "/s/some-share"]) {
      expect((await page(pathname)).headers.get("x-middleware-next"), pathname).toBe("1");
    }
  });

  it("refuses a wrong password and an unknown email with the same answer", async () => {
    const wrongPassword = await authRequest("sign-in/email", { email: "member@example.com", password: "nope nope" });
    const unknownEmail = await authRequest("sign-in/email", { email: "nobody@example.com", password: "nope nope" });
    expect(wrongPassword.status).toBe(401);
    expect(unknownEmail.status).toBe(401);
    expect(await wrongPassword.json()).toEqual(await unknownEmail.json());
  });

  it("signs in with an HttpOnly SameSite cookie that opens the API, and signs out", async () => {
    const signedIn = await authRequest("sign-in/email", { email: "member@example.com", password: "second password" });
    expect(signedIn.status).toBe(200);
    const setCookie = signedIn.headers.getSetCookie().join("\n");
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    const cookie = sessionCookie(signedIn);

    const api = await page("/api/models", cookie);
    expect(api.headers.get("x-middleware-next")).toBe("1");
    expect(api.headers.get("x-middleware-override-headers")).toContain("x-playground-account");
    expect((await page("/", cookie)).headers.get("x-middleware-next")).toBe("1");

    expect((await authRequest("sign-out", {}, cookie)).status).toBe(200);
    expect((await page("/api/models", cookie)).status).toBe(401);
  });

  it("creates accounts in the browser only for SIGN_UP_DOMAINS", async () => {
    const refused = await authRequest("sign-up/email", {
      email: "eve@elsewhere.com",
      password: "long enough 1",
      name: "eve",
    });
    expect(refused.ok).toBe(false);
    const allowed = await authRequest("sign-up/email", {
      email: "new@example.org",
      password: "long enough 1",
      name: "new",
    });
    expect(allowed.status).toBe(200);
    expect((await listUsers()).map((user) => [user.email, user.role])).toEqual([
      ["admin@example.com", "admin"],
      ["member@example.com", "member"],
      ["new@example.org", "member"],
    ]);
  });

  it("resets a password, signing the account out, and removes an account", async () => {
    const cookie = sessionCookie(
      await authRequest("sign-in/email", { email: "member@example.com", password: "second password" }),
    );
    expect(await resetPassword("member@example.com", "third password")).toEqual({ ok: true, value: null });
    expect((await page("/api/models", cookie)).status).toBe(401);
    expect(
      (await authRequest("sign-in/email", { email: "member@example.com", password: "second password" })).status,
    ).toBe(401);
    expect(
      (await authRequest("sign-in/email", { email: "member@example.com", password: "third password" })).status,
    ).toBe(200);

    expect(await removeUser("member@example.com")).toEqual({ ok: true, value: null });
    expect(
      (await authRequest("sign-in/email", { email: "member@example.com", password: "third password" })).status,
    ).toBe(401);
    expect(await removeUser("member@example.com")).toMatchObject({ ok: false });
  });
});
