import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { POST as lookup } from "@/app/api/shares/lookup/route";
import { DELETE, GET, PATCH } from "@/app/api/shares/[id]/route";
import { POST as create } from "@/app/api/shares/route";
import { ACCOUNT_HEADER } from "@/lib/auth/account-header";
import { getAuth, resetAuth } from "@/lib/auth/auth";
import { addUser } from "@/lib/auth/users";
import { closeLimitStore } from "@/lib/limits/store";
import { closeShareStore } from "@/lib/shares/db";
import { makeSnapshot } from "./share-fixtures";

let dataDir: string;
const ids: Record<"alice" | "bob", string> = { alice: "", bob: "" };

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), "share-owner-"));
  vi.stubEnv("DATA_DIR", dataDir);
  vi.stubEnv("DATABASE_URL", "");
  vi.stubEnv("REDIS_URL", "");
  vi.stubEnv("AUTH_SECRET", "a-test-secret-of-at-least-32-characters");
  resetAuth();
  const { internalAdapter } = await (await getAuth()).$context;
  for (const name of ["alice", "bob"] as const) {
    await addUser(`${name}@example.com`, "long enough password");
    ids[name] = (await internalAdapter.findUserByEmail(`${name}@example.com`))?.user.id ?? "";
  }
}, 60_000);
afterAll(async () => {
  vi.unstubAllEnvs();
  resetAuth();
  closeLimitStore();
  await closeShareStore();
  rmSync(dataDir, { recursive: true, force: true });
});

/** As the proxy forwards a signed-in request: with the account's id. */
function as(account: "alice" | "bob" | null, init: RequestInit = {}): RequestInit {
  const headers = new Headers(init.headers);
  headers.set("content-type", "application/json");
  if (account) headers.set(ACCOUNT_HEADER, ids[account]);
  return { ...init, headers };
}

const context = (id: string) => ({ params: Promise.resolve({ id }) });

async function share(account: "alice" | "bob" | null, title: string) {
  const body = JSON.stringify({ title, snapshot: makeSnapshot() });
  const response = await create(new Request("http://localhost/api/shares", as(account, { method: "POST", body })));
  expect(response.status).toBe(201);
  return (await response.json()) as { id: string; deleteToken: string };
}

async function owned(account: "alice" | "bob") {
  const body = JSON.stringify({ ids: [] });
  const response = await lookup(
    new Request("http://localhost/api/shares/lookup", as(account, { method: "POST", body })),
  );
  return ((await response.json()) as { owned: { title: string }[] }).owned.map((s) => s.title);
}

describe("shares of a signed-in account", () => {
  it("are listed for their account from any browser, and renamed and revoked without the token", async () => {
    const first = await share("alice", "Alice one");
    await share("alice", "Alice two");
    await share("bob", "Bob's");
    await share(null, "Anonymous");
    expect(await owned("alice")).toEqual(["Alice two", "Alice one"]);
    expect(await owned("bob")).toEqual(["Bob's"]);

    const rename = (account: "alice" | "bob") =>
      PATCH(
        new Request(
          `http://localhost/api/shares/${first.id}`,
          as(account, { method: "PATCH", body: '{"title":"Renamed"}' }),
        ),
        context(first.id),
      );
    expect((await rename("bob")).status).toBe(403);
    expect((await rename("alice")).status).toBe(200);

    const revoke = (account: "alice" | "bob" | null) =>
      DELETE(
        new Request(`http://localhost/api/shares/${first.id}`, as(account, { method: "DELETE" })),
        context(first.id),
      );
    expect((await revoke(null)).status).toBe(403);
    expect((await revoke("bob")).status).toBe(403);
    expect((await revoke("alice")).status).toBe(204);
    expect((await GET(new Request(`http://localhost/api/shares/${first.id}`), context(first.id))).status).toBe(404);
    expect(await owned("alice")).toEqual(["Alice two"]);
  });

  it("keeps the delete token working for anonymous shares", async () => {
    const anonymous = await share(null, "Anonymous again");
    const response = await DELETE(
      new Request(`http://localhost/api/shares/${anonymous.id}`, {
        method: "DELETE",
        headers: { "x-delete-token": anonymous.deleteToken },
      }),
      context(anonymous.id),
    );
    expect(response.status).toBe(204);
  });
});
