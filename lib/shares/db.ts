import "server-only";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { drizzle as drizzleNodePg } from "drizzle-orm/node-postgres";
import { migrate as migrateNodePg } from "drizzle-orm/node-postgres/migrator";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import pg from "pg";
import { createShareRepository, type ShareRepository, type SharesDatabase } from "./repository";

export type ShareStoreOptions =
  | { kind: "pglite"; dataDir: string }
  /** `schema`: a PostgreSQL schema of its own (created if missing), e.g. one per test run. */
  | { kind: "postgres"; url: string; schema?: string };

export interface ShareStore extends ShareRepository {
  readonly kind: ShareStoreOptions["kind"];
  /** Connects and migrates now rather than on first use; rejects when the database cannot start. */
  open(): Promise<void>;
  /** The connection itself, migrated: the accounts (`lib/auth/`) live in the same database. */
  database(): Promise<SharesDatabase>;
  close(): Promise<void>;
}

/**
 * Resolved from the working directory: `next dev`, `next start` and Vitest all run from the
 * project root, and a bundler would not copy a folder of SQL files next to the server chunk.
 */
const MIGRATIONS_FOLDER = path.join(process.cwd(), "lib", "shares", "migrations");
const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;
/** Serialises migrations between app instances that start together on one PostgreSQL. */
const MIGRATION_LOCK = "hashtext('mistral-playground.shares.migrations')";

interface Connection {
  db: SharesDatabase;
  close(): Promise<void>;
}

/**
 * A share store that connects and applies pending migrations on first use. A failed start is
 * not cached, so the next call tries again (the database may simply not be up yet).
 */
export function createShareStore(options: ShareStoreOptions): ShareStore {
  let connecting: Promise<{ connection: Connection; repository: ShareRepository }> | undefined;

  function start() {
    connecting ??= connect(options).then(
      (connection) => ({ connection, repository: createShareRepository(connection.db) }),
      (error: unknown) => {
        connecting = undefined;
        throw error;
      },
    );
    return connecting;
  }
  const repository = async () => (await start()).repository;

  return {
    kind: options.kind,
    open: async () => void (await start()),
    database: async () => (await start()).connection.db,
    createShare: async (input, ownerId) => (await repository()).createShare(input, ownerId),
    getShare: async (id) => (await repository()).getShare(id),
    deleteShare: async (id, credential) => (await repository()).deleteShare(id, credential),
    renameShare: async (id, credential, title) => (await repository()).renameShare(id, credential, title),
    listShares: async (ids) => (await repository()).listShares(ids),
    listOwnedShares: async (ownerId) => (await repository()).listOwnedShares(ownerId),
    async close() {
      const started = connecting;
      connecting = undefined;
      // A start that failed has nothing to close; its error already reached the caller that hit it.
      const ready = await started?.catch(() => undefined);
      await ready?.connection.close();
    },
  };
}

/**
 * PostgreSQL's default 128 MB of shared buffers is a third of the server's memory at rest, for a
 * database of a few megabytes of shares: 16 MB holds it with room to spare (about 85 MB less
 * resident memory, see BENCHMARKS.md).
 */
const PGLITE_START_PARAMS = [...PGlite.defaultStartParams, "-c", "shared_buffers=16MB"];

async function connect(options: ShareStoreOptions): Promise<Connection> {
  if (options.kind === "pglite") {
    mkdirSync(options.dataDir, { recursive: true });
    const client = await PGlite.create(options.dataDir, { startParams: PGLITE_START_PARAMS });
    try {
      const db = drizzlePglite(client);
      await migratePglite(db, { migrationsFolder: MIGRATIONS_FOLDER });
      return { db, close: () => client.close() };
    } catch (error) {
      await client.close();
      throw error;
    }
  }

  const { schema } = options;
  if (schema !== undefined && !SCHEMA_NAME.test(schema)) {
    throw new Error(`Invalid PostgreSQL schema name ${JSON.stringify(schema)}: use lower-case letters, digits and _`);
  }
  const pool = new pg.Pool({
    connectionString: options.url,
    // The tables are unqualified in the migrations, so search_path decides where they live.
    options: schema ? `-c search_path=${schema}` : undefined,
  });
  // An idle client that loses its connection emits on the pool; unhandled, that ends the process.
  pool.on("error", (error) => console.error("[shares] PostgreSQL connection error", error));
  try {
    const client = await pool.connect();
    try {
      await client.query(`SELECT pg_advisory_lock(${MIGRATION_LOCK})`);
      if (schema) await client.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
      await migrateNodePg(drizzleNodePg(client), {
        migrationsFolder: MIGRATIONS_FOLDER,
        migrationsSchema: schema ?? "drizzle",
      });
    } finally {
      await client.query(`SELECT pg_advisory_unlock(${MIGRATION_LOCK})`).finally(() => client.release());
    }
  } catch (error) {
    await pool.end();
    throw error;
  }
  return { db: drizzleNodePg(pool), close: () => pool.end() };
}

/** Where the app keeps its shares: PostgreSQL with `DATABASE_URL`, else PGlite in `DATA_DIR`. */
export function shareStoreOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): ShareStoreOptions {
  if (env.DATABASE_URL) return { kind: "postgres", url: env.DATABASE_URL };
  return { kind: "pglite", dataDir: path.resolve(env.DATA_DIR || "./.data", "shares") };
}

// Kept on globalThis because dev-mode reloads re-evaluate this module, and two PGlite instances
// on one directory would corrupt it.
const holder = globalThis as typeof globalThis & { __mistralPlaygroundShareStore?: ShareStore };

/** The process-wide store, created on first call. */
export function getShareStore(): ShareStore {
  holder.__mistralPlaygroundShareStore ??= createShareStore(shareStoreOptionsFromEnv());
  return holder.__mistralPlaygroundShareStore;
}

/** Closes the process-wide store; the next `getShareStore()` opens a new one. */
export async function closeShareStore(): Promise<void> {
  const store = holder.__mistralPlaygroundShareStore;
  holder.__mistralPlaygroundShareStore = undefined;
  await store?.close();
}
