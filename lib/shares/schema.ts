import { jsonb, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import type { ShareSnapshot } from "./share";

/**
 * One shared transcript. Deleting a share removes its row: the snapshot is the user's content,
 * and "delete" must mean it is gone, not hidden. Ids are 128 random bits, so no tombstone is
 * needed to stop an id from being handed out again.
 *
 * The table is unqualified on purpose: the PostgreSQL store picks its schema through
 * `search_path`, which lets tests run in a throwaway schema.
 *
 * No secondary index: every query goes through the primary key.
 */
export const shares = pgTable("shares", {
  id: text("id").primaryKey(),
  /** SHA-256 (hex) of the delete token; the token itself is only ever in the creator's browser. */
  deleteTokenHash: text("delete_token_hash").notNull(),
  title: text("title").notNull(),
  snapshot: jsonb("snapshot").$type<ShareSnapshot>().notNull(),
  createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
});

export type ShareRow = typeof shares.$inferSelect;
