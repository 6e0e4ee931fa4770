import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { errorBodySchema, type ErrorCode } from "@/lib/http/errors";
import { MAX_SHARE_BODY_BYTES } from "@/lib/shares/images";
import { makeSnapshot } from "./share-fixtures";

/** PGlite takes seconds to start, and far longer when the machine is busy. */
const PGLITE_START_MS = 120_000;

type Routes = typeof import("@/app/api/shares/route") & { byId: typeof import("@/app/api/shares/[id]/route") };
let routes: Routes;
let dataDir: string;

const LIMIT_PER_MINUTE = 5;
// Text; images may add their base64 size on top (MAX_SHARE_BODY_BYTES in all).
const MAX_BODY_BYTES = 1_048_576;

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), "shares-api-"));
  process.env.DATA_DIR = dataDir;
  delete process.env.DATABASE_URL;
  process.env.SHARE_RATE_LIMIT_PER_MINUTE = String(LIMIT_PER_MINUTE);
  routes = { ...(await import("@/app/api/shares/route")), byId: await import("@/app/api/shares/[id]/route") };
  // As the server does at start: the first test should not wait for PGlite to open.
  await (await import("@/lib/shares/db")).getShareStore().open();
}, PGLITE_START_MS);

afterAll(async () => {
  const { closeShareStore } = await import("@/lib/shares/db");
  await closeShareStore();
  await rm(dataDir, { recursive: true, force: true });
});

let clientNumber = 0;
/** Each call comes from its own client unless `ip` says otherwise, so rate limits stay out of the way. */
function post(body: BodyInit, { ip, headers }: { ip?: string; headers?: HeadersInit } = {}) {
  clientNumber += 1;
  const request = new Request("http://localhost/api/shares", {
    method: "POST",
    body,
    headers: { "content-type": "application/json", "x-forwarded-for": ip ?? `198.51.100.${clientNumber}`, ...headers },
    ...(body instanceof ReadableStream ? { duplex: "half" } : {}),
  });
  return routes.POST(request);
}

function getShare(id: string) {
  return routes.byId.GET(new Request(`http://localhost/api/shares/${id}`), { params: Promise.resolve({ id }) });
}

function deleteShare(id: string, headers: HeadersInit = {}) {
  const request = new Request(`http://localhost/api/shares/${id}`, { method: "DELETE", headers });
  return routes.byId.DELETE(request, { params: Promise.resolve({ id }) });
}

async function expectError(response: Response, status: number, code: ErrorCode): Promise<string> {
  expect(response.status).toBe(status);
  const body = errorBodySchema.parse(await response.json());
  expect(body.error.code).toBe(code);
  return body.error.message;
}

async function created(response: Response) {
  expect(response.status).toBe(201);
  return (await response.json()) as { id: string; url: string; deleteToken: string; createdAt: string };
}

describe("POST /api/shares", () => {
  it("creates a share: 201 with id, url, delete token and time", async () => {
    const snapshot = makeSnapshot();
    const response = await post(JSON.stringify({ title: "  Paris weather  ", snapshot }));
    const body = await created(response);

    expect(body.id).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(body).toEqual({
      id: body.id,
      url: `/s/${body.id}`,
      deleteToken: expect.any(String),
      createdAt: expect.any(String),
    });
    expect(new Date(body.createdAt).toISOString()).toBe(body.createdAt);
    expect(response.headers.get("location")).toBe(`/api/shares/${body.id}`);

    const share = await (await getShare(body.id)).json();
    expect(share).toEqual({ id: body.id, title: "Paris weather", createdAt: body.createdAt, snapshot });
  });

  it("titles a share without a title after its first user line", async () => {
    const snapshot = makeSnapshot({
      messages: [{ id: "u", role: "user", content: "\n  Plan a trip to Seoul  \nfor May" }],
    });
    const { id } = await created(await post(JSON.stringify({ snapshot })));
    expect((await (await getShare(id)).json()).title).toBe("Plan a trip to Seoul");
  });

  it("accepts a body of exactly 1 MB and refuses one byte more with 413", async () => {
    const bodyOfSize = (bytes: number) => {
      const empty = JSON.stringify({ title: "big", snapshot: makeSnapshot({ system: "" }) });
      const padding = "a".repeat(bytes - Buffer.byteLength(empty));
      return JSON.stringify({ title: "big", snapshot: makeSnapshot({ system: padding }) });
    };
    expect(Buffer.byteLength(bodyOfSize(MAX_BODY_BYTES))).toBe(MAX_BODY_BYTES);

    await created(await post(bodyOfSize(MAX_BODY_BYTES)));
    const message = await expectError(await post(bodyOfSize(MAX_BODY_BYTES + 1)), 413, "too_large");
    expect(message).toContain("1 MB");
  });

  it("counts images beyond the text megabyte, checks they are images, and serves them with their sniffed type", async () => {
    // A PNG signature followed by 2 MB: more than the text megabyte, within the images' allowance.
    const png = Buffer.concat([Buffer.from("89504e470d0a1a0a", "hex"), Buffer.alloc(2 * 1_048_576)]);
    const image = {
      kind: "image" as const,
      id: "i",
      name: "big.png",
      url: `data:image/png;base64,${png.toString("base64")}`,
    };
    const messages = [{ id: "m1", role: "user" as const, content: "Look", attachments: [image] }];
    const { id } = await created(await post(JSON.stringify({ snapshot: makeSnapshot({ messages }) })));
    const { GET } = await import("@/app/s/[id]/images/[n]/route");
    const served = await GET(new Request("http://localhost"), { params: Promise.resolve({ id, n: "0" }) });
    expect(served.headers.get("content-type")).toBe("image/png");
    expect(served.headers.get("x-content-type-options")).toBe("nosniff");
    expect(Buffer.from(await served.arrayBuffer()).equals(png)).toBe(true);
    const missing = await GET(new Request("http://localhost"), { params: Promise.resolve({ id, n: "1" }) });
    expect(missing.status).toBe(404);

    const svg = { ...image, url: `data:image/png;base64,${Buffer.from("<svg onload=alert(1)>").toString("base64")}` };
    const refused = await post(
      JSON.stringify({ snapshot: makeSnapshot({ messages: [{ ...messages[0]!, attachments: [svg] }] }) }),
    );
    await expectError(refused, 400, "invalid_request");
  });

  it("refuses a declared Content-Length over the limit (text and images) before reading", async () => {
    const response = await post("{}", { headers: { "content-length": String(MAX_SHARE_BODY_BYTES + 1) } });
    await expectError(response, 413, "too_large");
  });

  it("stops reading an endless body once it passes the limit", async () => {
    let sent = 0;
    let cancelled = false;
    const chunk = new Uint8Array(64 * 1024).fill(0x20);
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        sent += chunk.byteLength;
        controller.enqueue(chunk);
      },
      cancel() {
        cancelled = true;
      },
    });
    await expectError(await post(endless), 413, "too_large");
    expect(cancelled).toBe(true);
    expect(sent).toBeLessThan(MAX_SHARE_BODY_BYTES + 4 * chunk.byteLength);
  });

  it("answers 400 for malformed JSON, saying so", async () => {
    const message = await expectError(await post('{"title": "x", "snapshot": '), 400, "invalid_request");
    expect(message).toMatch(/not valid JSON/);
  });

  it("answers 400 naming the field that breaks the schema", async () => {
    const snapshot = { ...makeSnapshot(), messages: [{ id: "m", role: "robot", content: "hi" }] };
    const roleMessage = await expectError(await post(JSON.stringify({ snapshot })), 400, "invalid_request");
    expect(roleMessage).toContain("snapshot.messages[0].role");

    const titleMessage = await expectError(
      await post(JSON.stringify({ title: "x".repeat(201), snapshot: makeSnapshot() })),
      400,
      "invalid_request",
    );
    expect(titleMessage).toContain("title");
    expect(titleMessage).toContain("200");

    const missing = await expectError(await post(JSON.stringify({ title: "no snapshot" })), 400, "invalid_request");
    expect(missing).toContain("snapshot");
  });

  it("answers 400 for text PostgreSQL cannot store, naming where it is", async () => {
    const snapshot = makeSnapshot({ messages: [{ id: "u", role: "user", content: "nul \u0000 here" }] });
    const message = await expectError(await post(JSON.stringify({ snapshot })), 400, "invalid_request");
    expect(message).toContain("snapshot.messages[0].content");
    expect(message).toContain("NUL");
  });

  it("refuses NUL and unpaired surrogates in titles as in snapshots, with 400 rather than 500 or U+FFFD", async () => {
    for (const title of ["nul \u0000 here", "lone \ud800 here", "lone \udc00"]) {
      const message = await expectError(
        await post(JSON.stringify({ title, snapshot: makeSnapshot() })),
        400,
        "invalid_request",
      );
      expect(message).toMatch(/^Invalid request: title: contains (a NUL character|an unpaired UTF-16 surrogate)/);
    }
    // A pair is one character, stored as it is.
    const { id } = await created(await post(JSON.stringify({ title: "pair \ud83d\ude00", snapshot: makeSnapshot() })));
    expect(((await (await getShare(id)).json()) as { title: string }).title).toBe("pair 😀");
  });

  it("refuses parameters no run could have, with the ranges /api/chat applies", async () => {
    for (const [field, value] of [
      ["temperature", 1e308],
      ["topP", 0],
      ["maxTokens", -1],
      ["maxRetries", 99],
      ["stop", Array(17).fill("x")],
    ] as const) {
      const snapshot = makeSnapshot();
      const parameters = { ...snapshot.parameters, [field]: value };
      const message = await expectError(
        await post(JSON.stringify({ snapshot: { ...snapshot, parameters } })),
        400,
        "invalid_request",
      );
      expect(message).toContain(`snapshot.parameters.${field}`);
    }
  });

  it("titles an untitled share whose first message fills in to gigabytes, quickly", async () => {
    const snapshot = makeSnapshot({
      messages: [{ id: "u", role: "user", content: "{a}".repeat(50_000) }],
      variables: { a: "word ".repeat(20_000) },
    });
    const started = performance.now();
    const { id } = await created(await post(JSON.stringify({ snapshot })));
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(((await (await getShare(id)).json()) as { title: string }).title).toMatch(/^word word .*…$/);
  });

  it("limits creations per client with 429 and Retry-After", async () => {
    const body = JSON.stringify({ title: "again", snapshot: makeSnapshot() });
    for (let i = 0; i < LIMIT_PER_MINUTE; i += 1) await created(await post(body, { ip: "203.0.113.7" }));

    const limited = await post(body, { ip: "203.0.113.7, 10.0.0.1" });
    await expectError(limited, 429, "rate_limited");
    const retryAfter = Number(limited.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);

    await created(await post(body, { ip: "203.0.113.8" }));
  });
});

describe("GET and DELETE /api/shares/{id}", () => {
  it("serves a share with 200 and a no-reuse cache policy, 404 when unknown", async () => {
    const { id } = await created(await post(JSON.stringify({ title: "read me", snapshot: makeSnapshot() })));
    const response = await getShare(id);
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("private, max-age=0");
    expect((await response.json()).title).toBe("read me");

    await expectError(await getShare("AAAAAAAAAAAAAAAAAAAAAA"), 404, "not_found");
    await expectError(await getShare("no-such-share"), 404, "not_found");
  });

  it("deletes with the token only: 403 without or wrong, 204 with, 404 after", async () => {
    const { id, deleteToken } = await created(await post(JSON.stringify({ title: "bye", snapshot: makeSnapshot() })));

    await expectError(await deleteShare(id), 403, "forbidden");
    await expectError(await deleteShare(id, { "x-delete-token": "not-the-token" }), 403, "forbidden");
    expect((await getShare(id)).status).toBe(200);

    const deleted = await deleteShare(id, { "x-delete-token": deleteToken });
    expect(deleted.status).toBe(204);
    expect(await deleted.text()).toBe("");

    await expectError(await getShare(id), 404, "not_found");
    await expectError(await deleteShare(id, { "x-delete-token": deleteToken }), 404, "not_found");
  });

  it("accepts the token as a Bearer credential", async () => {
    const { id, deleteToken } = await created(
      await post(JSON.stringify({ title: "bearer", snapshot: makeSnapshot() })),
    );
    expect((await deleteShare(id, { authorization: `Bearer ${deleteToken}` })).status).toBe(204);
  });
});
