import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import { desc, eq, inArray } from "drizzle-orm";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { shares, type ShareRow } from "./schema";
import { shareIdSchema, shareSnapshotSchema, type Share, type ShareCreate, type ShareSummary } from "./share";

export interface CreatedShare {
  id: string;
  /** Shown to the creator once; only its hash is stored. */
  deleteToken: string;
  /** ISO 8601. */
  createdAt: string;
}

/** Who may change a share: the holder of its delete token, or the account that made it. */
export type ShareCredential = string | { ownerId: string };

export type DeleteShareResult = "deleted" | "forbidden" | "not_found";
export type RenameShareResult = "renamed" | "forbidden" | "not_found";

export interface ShareRepository {
  /** `ownerId`: the signed-in account making it, which may then rename and delete it anywhere. */
  createShare(input: ShareCreate, ownerId?: string | null): Promise<CreatedShare>;
  /** null when no share has this id (never created, or deleted). */
  getShare(id: string): Promise<Share | null>;
  deleteShare(id: string, credential: ShareCredential): Promise<DeleteShareResult>;
  /** The title is the one part of a share its creator may change; the transcript never changes. */
  renameShare(id: string, credential: ShareCredential, title: string): Promise<RenameShareResult>;
  /** The shares among `ids` that still exist, newest first: what "My shares" lists. */
  listShares(ids: readonly string[]): Promise<ShareSummary[]>;
  /** Every share the account made, newest first: "My shares" in any browser it signs in from. */
  listOwnedShares(ownerId: string): Promise<ShareSummary[]>;
}

/** Any drizzle PostgreSQL database: PGlite and node-postgres alike. */
export type SharesDatabase = PgDatabase<PgQueryResultHKT>;

export function createShareRepository(db: SharesDatabase): ShareRepository {
  return {
    async createShare({ title, snapshot }, ownerId = null) {
      const id = randomBytes(16).toString("base64url");
      const deleteToken = randomBytes(32).toString("base64url");
      const [row] = await db
        .insert(shares)
        .values({ id, title, snapshot, ownerId, deleteTokenHash: hashToken(deleteToken).toString("hex") })
        .returning({ createdAt: shares.createdAt });
      if (!row) throw new Error(`Inserting share ${id} returned no row`);
      return { id, deleteToken, createdAt: row.createdAt.toISOString() };
    },

    async getShare(id) {
      if (!shareIdSchema.safeParse(id).success) return null;
      const [row] = await db.select().from(shares).where(eq(shares.id, id));
      return row ? toShare(row) : null;
    },

    async deleteShare(id, credential) {
      const owner = await checkOwner(db, id, credential);
      if (owner !== "owner") return owner;
      const deleted = await db.delete(shares).where(eq(shares.id, id)).returning({ id: shares.id });
      // Empty when a concurrent request deleted it first.
      return deleted.length > 0 ? "deleted" : "not_found";
    },

    async renameShare(id, credential, title) {
      const owner = await checkOwner(db, id, credential);
      if (owner !== "owner") return owner;
      const renamed = await db.update(shares).set({ title }).where(eq(shares.id, id)).returning({ id: shares.id });
      return renamed.length > 0 ? "renamed" : "not_found";
    },

    async listShares(ids) {
      const wanted = [...new Set(ids)].filter((id) => shareIdSchema.safeParse(id).success);
      if (wanted.length === 0) return [];
      const rows = await db
        .select({ id: shares.id, title: shares.title, createdAt: shares.createdAt })
        .from(shares)
        .where(inArray(shares.id, wanted))
        .orderBy(desc(shares.createdAt), shares.id);
      return rows.map((row) => ({ ...row, createdAt: row.createdAt.toISOString() }));
    },

    async listOwnedShares(ownerId) {
      const rows = await db
        .select({ id: shares.id, title: shares.title, createdAt: shares.createdAt })
        .from(shares)
        .where(eq(shares.ownerId, ownerId))
        .orderBy(desc(shares.createdAt), shares.id);
      return rows.map((row) => ({ ...row, createdAt: row.createdAt.toISOString() }));
    },
  };
}

/** Whether `credential` is share `id`'s delete token, or the account that made it. */
async function checkOwner(
  db: SharesDatabase,
  id: string,
  credential: ShareCredential,
): Promise<"owner" | "forbidden" | "not_found"> {
  if (!shareIdSchema.safeParse(id).success) return "not_found";
  const [row] = await db
    .select({ deleteTokenHash: shares.deleteTokenHash, ownerId: shares.ownerId })
    .from(shares)
    .where(eq(shares.id, id));
  if (!row) return "not_found";
  if (typeof credential !== "string") return row.ownerId === credential.ownerId ? "owner" : "forbidden";
  const deleteToken = credential;
  // Both sides are 32-byte digests, so the comparison takes the same time whatever the token.
  return timingSafeEqual(Buffer.from(row.deleteTokenHash, "hex"), hashToken(deleteToken)) ? "owner" : "forbidden";
}

function hashToken(token: string): Buffer {
  return createHash("sha256").update(token, "utf8").digest();
}

function toShare(row: ShareRow): Share {
  // Stored snapshots were valid when written; one that no longer parses means the workspace
  // schema changed without a migration of stored shares, which is a bug to surface, not hide.
  const snapshot = shareSnapshotSchema.safeParse(row.snapshot);
  if (!snapshot.success) {
    throw new Error(`Stored share ${row.id} no longer matches the snapshot schema`, { cause: snapshot.error });
  }
  return { id: row.id, title: row.title, createdAt: row.createdAt.toISOString(), snapshot: snapshot.data };
}
