import { z } from "zod";
import { create } from "zustand";
import { persist } from "zustand/middleware";
import { t } from "@/lib/i18n";
import { deleteShare, lookupShares, patchShareTitle, postShare, type ShareResult } from "@/lib/shares/client";
import { defaultShareTitle, shareIdSchema, type ShareSnapshot } from "@/lib/shares/share";
import { persistOptions } from "./persist-options";

/**
 * "My shares": the shares created in this browser, with the delete tokens that only this
 * browser holds. When sign-in is on, the server also ties each share to the account that made
 * it: those made from other browsers are listed too, without a token (the session is the
 * credential), and are not kept in this browser.
 */

/** 1: the shares. 2: whether any share was ever listed here, so an empty list can say why. */
export const SHARES_VERSION = 2;

const myShareSchema = z.object({
  id: shareIdSchema,
  title: z.string(),
  /** ISO 8601, as the server answered. */
  createdAt: z.string(),
  /** Absent for a share of the signed-in account made in another browser. */
  deleteToken: z.string().min(1).optional(),
});
export type MyShare = z.infer<typeof myShareSchema>;

export type PersistedShares = {
  shares: MyShare[];
  /** A share was made or listed here once: an empty list now means they were revoked. */
  everShared: boolean;
};

type SharesState = PersistedShares & {
  /** Whose shares the list is, as the last lookup said: the account's when sign-in is on. */
  owner: "browser" | "account";
};

type SharesActions = {
  /** Stores a snapshot on the server and remembers its delete token here. Without a title,
   * the first user line names it. */
  createShare: (snapshot: ShareSnapshot, title?: string) => Promise<ShareResult<MyShare>>;
  renameShare: (id: string, title: string) => Promise<ShareResult<MyShare>>;
  /** Deletes the share on the server; one that is already gone is forgotten as well. */
  revokeShare: (id: string) => Promise<ShareResult<void>>;
  /** Asks the server which shares still exist and what they are called now. */
  refreshShares: () => Promise<ShareResult<void>>;
};

const initialShares: SharesState = { shares: [], everShared: false, owner: "browser" };

/**
 * Brings persisted state to the current shape. An entry that does not parse is dropped on its
 * own, so one bad record never loses the other tokens. Version 1 did not say whether anything
 * was shared before; its shares say so when there are any.
 */
export function migrateShares(persisted: unknown, _version: number): PersistedShares {
  const raw = z
    .object({ shares: z.array(z.unknown()), everShared: z.boolean().optional().catch(undefined) })
    .safeParse(persisted);
  const seen = new Set<string>();
  const shares = (raw.data?.shares ?? []).flatMap((entry) => {
    const share = myShareSchema.safeParse(entry);
    if (!share.success || seen.has(share.data.id)) return [];
    seen.add(share.data.id);
    return [share.data];
  });
  return { shares, everShared: (raw.data?.everShared ?? false) || shares.length > 0 };
}

/** Which sentence an empty "My shares" shows. */
export function emptySharesMessage({ everShared, owner }: Pick<SharesState, "everShared" | "owner">): string {
  if (owner === "account") return everShared ? t("share.myAllRevokedAccount") : t("share.myEmptyAccount");
  return everShared ? t("share.myAllRevoked") : t("share.myEmpty");
}

export const useShares = create<SharesState & SharesActions>()(
  persist(
    (set, get) => ({
      ...initialShares,

      createShare: async (snapshot, title) => {
        const chosen = title?.trim() || defaultShareTitle(snapshot);
        const created = await postShare(snapshot, chosen);
        if (!created.ok) return created;
        const share: MyShare = { ...created.value, title: chosen };
        set((state) => ({ shares: [share, ...state.shares], everShared: true }));
        return { ok: true, value: share };
      },

      renameShare: async (id, title) => {
        const share = get().shares.find((s) => s.id === id);
        if (!share) return { ok: false, error: { code: "not_found", message: t("share.unknown") } };
        const answer = await patchShareTitle(id, title, share.deleteToken);
        if (!answer.ok) {
          if (answer.error.code === "not_found") forget(id);
          return answer;
        }
        const renamed = { ...share, title: title.trim() };
        set((state) => ({ shares: state.shares.map((s) => (s.id === id ? renamed : s)) }));
        return { ok: true, value: renamed };
      },

      revokeShare: async (id) => {
        const share = get().shares.find((s) => s.id === id);
        if (!share) return { ok: true, value: undefined };
        const answer = await deleteShare(id, share.deleteToken);
        if (!answer.ok && answer.error.code !== "not_found") return answer;
        forget(id);
        return { ok: true, value: undefined };
      },

      refreshShares: async () => {
        const ids = get().shares.map((s) => s.id);
        const lookup = await lookupShares(ids);
        // Forget nothing unless the server answered: a failed lookup says nothing about a share.
        if (!lookup.ok) return lookup;
        const { found, owned } = lookup.value;
        const asked = new Set(ids);
        // Shares created while the lookup ran were not asked about and stay.
        set((state) => {
          const kept = state.shares.flatMap((s) => {
            // The account's shares from elsewhere are replaced by what the server said now.
            if (!s.deleteToken) return [];
            if (!asked.has(s.id)) return [s];
            const title = found.get(s.id) ?? owned?.get(s.id)?.title;
            return title === undefined ? [] : [{ ...s, title }];
          });
          const here = new Set(kept.map((s) => s.id));
          const elsewhere = [...(owned?.values() ?? [])].filter((s) => !here.has(s.id));
          const shares =
            elsewhere.length === 0
              ? kept
              : [...kept, ...elsewhere].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
          return {
            shares,
            owner: owned === undefined ? "browser" : "account",
            everShared: state.everShared || shares.length > 0,
          };
        });
        return { ok: true, value: undefined };
      },
    }),
    persistOptions({
      key: "shares",
      version: SHARES_VERSION,
      // Only what this browser alone can prove: shares with their delete token.
      partialize: (state): PersistedShares => ({
        shares: state.shares.filter((s) => s.deleteToken),
        everShared: state.everShared,
      }),
      migrate: migrateShares,
    }),
  ),
);

function forget(id: string) {
  useShares.setState((state) => ({ shares: state.shares.filter((s) => s.id !== id) }));
}
