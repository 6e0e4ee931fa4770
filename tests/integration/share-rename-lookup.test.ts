import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { errorBodySchema, type ErrorCode } from "@/lib/http/errors";
import { makeSnapshot, nextMillisecond } from "./share-fixtures";

/** PGlite takes seconds to start, and far longer when the machine is busy. */
const PGLITE_START_MS = 120_000;

type Routes = {
  create: typeof import("@/app/api/shares/route");
  byId: typeof import("@/app/api/shares/[id]/route");
  lookup: typeof import("@/app/api/shares/lookup/route");
};
let routes: Routes;
let dataDir: string;

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), "shares-owner-"));
  process.env.DATA_DIR = dataDir;
  delete process.env.DATABASE_URL;
  routes = {
    create: await import("@/app/api/shares/route"),
    byId: await import("@/app/api/shares/[id]/route"),
    lookup: await import("@/app/api/shares/lookup/route"),
  };
  // As the server does at start: the first test should not wait for PGlite to open.
  await (await import("@/lib/shares/db")).getShareStore().open();
}, PGLITE_START_MS);

afterAll(async () => {
  const { closeShareStore } = await import("@/lib/shares/db");
  await closeShareStore();
  await rm(dataDir, { recursive: true, force: true });
});

let clientNumber = 0;
async function createShare(title: string) {
  clientNumber += 1;
  const response = await routes.create.POST(
    new Request("http://localhost/api/shares", {
      method: "POST",
      body: JSON.stringify({ title, snapshot: makeSnapshot() }),
      headers: { "content-type": "application/json", "x-forwarded-for": `203.0.113.${clientNumber}` },
    }),
  );
  expect(response.status).toBe(201);
  return (await response.json()) as { id: string; deleteToken: string; createdAt: string };
}

function rename(id: string, body: unknown, headers: HeadersInit = {}) {
  const request = new Request(`http://localhost/api/shares/${id}`, {
    method: "PATCH",
    body: typeof body === "string" ? body : JSON.stringify(body),
    headers: { "content-type": "application/json", ...headers },
  });
  return routes.byId.PATCH(request, { params: Promise.resolve({ id }) });
}

function lookup(body: unknown) {
  const request = new Request("http://localhost/api/shares/lookup", {
    method: "POST",
    body: JSON.stringify(body),
    headers: { "content-type": "application/json" },
  });
  return routes.lookup.POST(request);
}

async function titleOf(id: string): Promise<string> {
  const response = await routes.byId.GET(new Request(`http://localhost/api/shares/${id}`), {
    params: Promise.resolve({ id }),
  });
  return ((await response.json()) as { title: string }).title;
}

async function expectError(response: Response, status: number, code: ErrorCode): Promise<string> {
  expect(response.status).toBe(status);
  const body = errorBodySchema.parse(await response.json());
  expect(body.error.code).toBe(code);
  return body.error.message;
}

describe("PATCH /api/shares/{id}", () => {
  it("renames with the delete token, trimming the title; the transcript stays as it was", async () => {
    const { id, deleteToken } = await createShare("Before");
    const response = await rename(id, { title: "  After  " }, { "x-delete-token": deleteToken });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ id, title: "After" });
    expect(await titleOf(id)).toBe("After");
  });

  it("refuses without the token or with another share's token: 403, title unchanged", async () => {
    const { id } = await createShare("Mine");
    const other = await createShare("Theirs");
    await expectError(await rename(id, { title: "Taken" }), 403, "forbidden");
    await expectError(await rename(id, { title: "Taken" }, { "x-delete-token": other.deleteToken }), 403, "forbidden");
    expect(await titleOf(id)).toBe("Mine");
  });

  it("answers 400 naming the title when it is empty or too long, and 404 for a deleted share", async () => {
    const { id, deleteToken } = await createShare("Kept");
    const token = { "x-delete-token": deleteToken };
    expect(await expectError(await rename(id, { title: "   " }, token), 400, "invalid_request")).toContain("title");
    expect(await expectError(await rename(id, { title: "x".repeat(201) }, token), 400, "invalid_request")).toContain(
      "at most 200",
    );
    await expectError(await rename(id, "{", token), 400, "invalid_request");
    expect(await expectError(await rename(id, { title: "a\u0000b" }, token), 400, "invalid_request")).toContain("NUL");
    expect(await expectError(await rename(id, { title: "a\udfffb" }, token), 400, "invalid_request")).toContain(
      "surrogate",
    );
    expect(await titleOf(id)).toBe("Kept");

    const deleted = await routes.byId.DELETE(
      new Request(`http://localhost/api/shares/${id}`, { method: "DELETE", headers: token }),
      { params: Promise.resolve({ id }) },
    );
    expect(deleted.status).toBe(204);
    await expectError(await rename(id, { title: "Too late" }, token), 404, "not_found");
  });
});

describe("POST /api/shares/lookup", () => {
  it("lists the shares that still exist among the ids, newest first, and ignores the rest", async () => {
    const first = await createShare("First");
    await nextMillisecond();
    const second = await createShare("Second");
    const response = await lookup({ ids: [first.id, "AAAAAAAAAAAAAAAAAAAAAA", "not an id", second.id] });
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    const body = (await response.json()) as { shares: { id: string; title: string }[]; owned?: unknown };
    expect(body.shares.map((s) => s.title)).toEqual(["Second", "First"]);
    // No account, no list of the account's shares: "My shares" speaks of this browser.
    expect(body).not.toHaveProperty("owned");
  });

  it("takes at most 100 ids in one request", async () => {
    const ids = Array.from({ length: 101 }, (_, i) => `id-${i}`);
    expect(await expectError(await lookup({ ids }), 400, "invalid_request")).toContain("at most 100");
    expect((await lookup({ ids: ids.slice(0, 100) })).status).toBe(200);
  });
});
