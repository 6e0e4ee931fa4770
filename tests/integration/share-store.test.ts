import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createShareStore, type ShareStore, type ShareStoreOptions } from "@/lib/shares/db";
import { makeSnapshot, makeWorldSnapshot, nextMillisecond, WORLD_TEXT } from "./share-fixtures";

/** PGlite takes seconds to start, and far longer when the machine is busy. */
const PGLITE_START_MS = 120_000;

const POSTGRES_URL = process.env.SHARES_TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";

/** null when PostgreSQL answers, else why the PostgreSQL runs are skipped. */
async function postgresProblem(): Promise<string | null> {
  const client = new pg.Client({ connectionString: POSTGRES_URL, connectionTimeoutMillis: 2_000 });
  try {
    await client.connect();
    await client.query("SELECT 1");
    return null;
  } catch (error) {
    return `PostgreSQL at ${POSTGRES_URL} is not reachable (${error instanceof Error ? error.message : String(error)})`;
  } finally {
    await client.end();
  }
}

/** A backend in a place of its own (temp dir or schema), removed by `dispose`. */
interface Backend {
  name: "pglite" | "postgres";
  problem(): Promise<string | null>;
  prepare(): Promise<{ options: ShareStoreOptions; dispose(): Promise<void> }>;
}

const backends: Backend[] = [
  {
    name: "pglite",
    problem: async () => null,
    async prepare() {
      const dir = await mkdtemp(path.join(tmpdir(), "shares-pglite-"));
      return {
        options: { kind: "pglite", dataDir: path.join(dir, "shares") },
        dispose: () => rm(dir, { recursive: true, force: true }),
      };
    },
  },
  {
    name: "postgres",
    problem: postgresProblem,
    async prepare() {
      const schema = `shares_test_${randomBytes(6).toString("hex")}`;
      return {
        options: { kind: "postgres", url: POSTGRES_URL, schema },
        async dispose() {
          const client = new pg.Client({ connectionString: POSTGRES_URL });
          await client.connect();
          try {
            await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
          } finally {
            await client.end();
          }
        },
      };
    },
  },
];

/** Starts `backend` for one describe block; tests are skipped with the reason if it cannot run. */
function useBackend(backend: Backend) {
  const state: { store: ShareStore; options: ShareStoreOptions; skipReason: string | null } = {
    store: undefined as unknown as ShareStore,
    options: undefined as unknown as ShareStoreOptions,
    skipReason: null,
  };
  let dispose: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    state.skipReason = await backend.problem();
    if (state.skipReason) {
      console.warn(`Skipping the ${backend.name} share store tests: ${state.skipReason}`);
      return;
    }
    const prepared = await backend.prepare();
    dispose = prepared.dispose;
    state.options = prepared.options;
    state.store = createShareStore(prepared.options);
    // Opened here, under the hook's longer timeout: PGlite can take seconds to start.
    await state.store.open();
  }, PGLITE_START_MS);
  beforeEach((ctx) => {
    if (state.skipReason) ctx.skip(state.skipReason);
  });
  afterAll(async () => {
    await state.store?.close();
    await dispose?.();
  });
  return state;
}

describe.each(backends)("share store on $name", (backend) => {
  const backendState = useBackend(backend);

  it("keeps Chinese, Korean, emoji and right-to-left text exactly", async () => {
    const { store } = backendState;
    const snapshot = makeWorldSnapshot();
    const title = `${WORLD_TEXT.hebrew} ${WORLD_TEXT.emoji}`;
    const created = await store.createShare({ title, snapshot });

    const share = await store.getShare(created.id);
    expect(share).toEqual({ id: created.id, title, createdAt: created.createdAt, snapshot });
    expect(share?.snapshot.messages.map((message) => message.content)).toEqual([
      WORLD_TEXT.chinese,
      WORLD_TEXT.korean,
      `${WORLD_TEXT.emoji}\n${WORLD_TEXT.combining}`,
    ]);
    expect(share?.snapshot.variables["مدينة"]).toBe("القاهرة");
  });

  it("gives 22-character URL-safe ids and a creation time", async () => {
    const created = await backendState.store.createShare({ title: "t", snapshot: makeSnapshot() });
    expect(created.id).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(created.deleteToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Math.abs(Date.parse(created.createdAt) - Date.now())).toBeLessThan(60_000);
  });

  it("answers null for an unknown or malformed id", async () => {
    expect(await backendState.store.getShare(randomBytes(16).toString("base64url"))).toBeNull();
    expect(await backendState.store.getShare("not an id")).toBeNull();
  });

  it("deletes only with the right token", async () => {
    const { store } = backendState;
    const { id, deleteToken } = await store.createShare({ title: "to delete", snapshot: makeSnapshot() });

    expect(await store.deleteShare(id, "wrong-token")).toBe("forbidden");
    // One character off (never the token's own last character).
    const offByOne = `${deleteToken.slice(0, -1)}${deleteToken.endsWith("A") ? "E" : "A"}`;
    expect(await store.deleteShare(id, offByOne)).toBe("forbidden");
    expect(await store.getShare(id)).not.toBeNull();

    expect(await store.deleteShare(id, deleteToken)).toBe("deleted");
    expect(await store.getShare(id)).toBeNull();
    expect(await store.deleteShare(id, deleteToken)).toBe("not_found");
  });

  it("lists the shares that still exist, newest first", async () => {
    const { store } = backendState;
    const first = await store.createShare({ title: "first", snapshot: makeSnapshot() });
    await nextMillisecond();
    const second = await store.createShare({ title: "second", snapshot: makeSnapshot() });
    const gone = await store.createShare({ title: "gone", snapshot: makeSnapshot() });
    await store.deleteShare(gone.id, gone.deleteToken);

    const listed = await store.listShares([
      first.id,
      gone.id,
      second.id,
      first.id,
      "junk",
      randomBytes(16).toString("base64url"),
    ]);
    expect(listed).toEqual([
      { id: second.id, title: "second", createdAt: second.createdAt },
      { id: first.id, title: "first", createdAt: first.createdAt },
    ]);
    expect(await store.listShares([])).toEqual([]);
  });

  it("creates 200 shares concurrently, all distinct and readable", async () => {
    const { store } = backendState;
    const created = await Promise.all(
      Array.from({ length: 200 }, (_, index) =>
        store.createShare({ title: `share ${index}`, snapshot: makeSnapshot({ system: `system ${index}` }) }),
      ),
    );
    expect(new Set(created.map((share) => share.id)).size).toBe(200);

    const read = await Promise.all(created.map((share) => store.getShare(share.id)));
    read.forEach((share, index) => {
      expect(share?.title).toBe(`share ${index}`);
      expect(share?.snapshot.system).toBe(`system ${index}`);
    });
    expect(await store.listShares(created.map((share) => share.id))).toHaveLength(200);
  });

  it("keeps shares across a restart", async () => {
    const { store: first, options } = backendState;
    const created = await first.createShare({ title: "persisted", snapshot: makeWorldSnapshot() });
    await first.close();

    // Opening again also re-runs the migrator, which must find nothing to do.
    backendState.store = createShareStore(options);
    expect(await backendState.store.getShare(created.id)).toEqual({
      id: created.id,
      title: "persisted",
      createdAt: created.createdAt,
      snapshot: makeWorldSnapshot(),
    });
  });
});

/** A fixed sequence of operations, with ids and times replaced by stable labels. */
async function runScript(store: ShareStore): Promise<unknown[]> {
  const log: unknown[] = [];
  const labels = new Map<string, string>();
  const label = (id: string) => labels.get(id) ?? labels.set(id, `share-${labels.size}`).get(id);
  const shares = [];
  for (const title of ["α", "한국어", "🙂"]) {
    shares.push(await store.createShare({ title, snapshot: makeWorldSnapshot() }));
  }
  const [a, b, c] = shares;
  if (!a || !b || !c) throw new Error("script setup failed");
  const redact = (share: Awaited<ReturnType<ShareStore["getShare"]>>) =>
    share && { ...share, id: label(share.id), createdAt: typeof share.createdAt };

  log.push(await store.deleteShare(a.id, b.deleteToken));
  log.push(await store.deleteShare(a.id, a.deleteToken));
  log.push(redact(await store.getShare(a.id)));
  log.push(redact(await store.getShare(b.id)));
  log.push(await store.deleteShare(c.id, ""));
  log.push((await store.listShares([a.id, b.id, c.id])).map((share) => share.title).sort());
  log.push(await store.deleteShare(a.id, a.deleteToken));
  return log;
}

describe("PGlite and PostgreSQL", () => {
  const pglite = useBackend(backends[0]!);
  const postgres = useBackend(backends[1]!);

  it("give the same results for the same operations", async () => {
    const [fromPglite, fromPostgres] = await Promise.all([runScript(pglite.store), runScript(postgres.store)]);
    expect(fromPglite).toEqual(fromPostgres);
    expect(fromPglite[0]).toBe("forbidden");
    expect(fromPglite.at(-1)).toBe("not_found");
  });
});
