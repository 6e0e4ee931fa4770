import { index, jsonb, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { user } from "./accounts-schema";
import type { ShareSnapshot } from "./share";

/**
 * One shared transcript. Deleting a share removes its row: the snapshot is the user's content,
 * and "delete" must mean it is gone, not hidden. Ids are 128 random bits, so no tombstone is
 * needed to stop an id from being handed out again.
 *
 * The table is unqualified on purpose: the PostgreSQL store picks its schema through
 * `search_path`, which lets tests run in a throwaway schema.
 *
 * One secondary index, on the owner: "My shares" of a signed-in account lists by it.
 */
export const shares = pgTable(
  "shares",
  {
    id: text("id").primaryKey(),
    /** SHA-256 (hex) of the delete token; the token itself is only ever in the creator's browser. */
    deleteTokenHash: text("delete_token_hash").notNull(),
    title: text("title").notNull(),
    snapshot: jsonb("snapshot").$type<ShareSnapshot>().notNull(),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
    /** The signed-in account that made it; null for an anonymous share (its delete token is the credential). */
    ownerId: text("owner_id").references(() => user.id, { onDelete: "set null" }),
  },
  (table) => [index("shares_owner_id_idx").on(table.ownerId)],
);

export type ShareRow = typeof shares.$inferSelect;
