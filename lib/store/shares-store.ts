import { z } from "zod";
import { create } from "zustand";
import { persist } from "zustand/middleware";
import type { FailureView } from "@/lib/chat/failure";
import { errorBodySchema } from "@/lib/http/errors";
import { messages as t } from "@/lib/i18n";
import { defaultShareTitle, shareIdSchema, shareSchema, type Share, type ShareSnapshot } from "@/lib/shares/share";
import { persistOptions } from "./persist-options";

/**
 * "My shares": the shares created in this browser, with the delete tokens that only this
 * browser holds. When sign-in is on, the server also ties each share to the account that made
 * it: those made from other browsers are listed too, without a token (the session is the
 * credential), and are not kept in this browser.
 */

export const SHARES_VERSION = 1;

/** How many ids one `POST /api/shares/lookup` accepts. */
const LOOKUP_PAGE = 100;

const myShareSchema = z.object({
  id: shareIdSchema,
  title: z.string(),
  /** ISO 8601, as the server answered. */
  createdAt: z.string(),
  /** Absent for a share of the signed-in account made in another browser. */
  deleteToken: z.string().min(1).optional(),
});
export type MyShare = z.infer<typeof myShareSchema>;

export type PersistedShares = { shares: MyShare[] };

export type ShareResult<T> = { ok: true; value: T } | { ok: false; error: FailureView };

type SharesState = PersistedShares;

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

const initialShares: SharesState = { shares: [] };

/**
 * Brings persisted state to the current shape. Version 1 is the first; an entry that does not
 * parse is dropped on its own, so one bad record never loses the other tokens.
 */
export function migrateShares(persisted: unknown, _version: number): PersistedShares {
  const raw = z.object({ shares: z.array(z.unknown()) }).safeParse(persisted);
  const seen = new Set<string>();
  const shares = (raw.data?.shares ?? []).flatMap((entry) => {
    const share = myShareSchema.safeParse(entry);
    if (!share.success || seen.has(share.data.id)) return [];
    seen.add(share.data.id);
    return [share.data];
  });
  return { shares };
}

const createdSchema = z.object({ id: shareIdSchema, deleteToken: z.string().min(1), createdAt: z.string() });
const summarySchema = z.object({ id: shareIdSchema, title: z.string(), createdAt: z.string() });
const lookupSchema = z.object({
  shares: z.array(z.object({ id: z.string(), title: z.string(), createdAt: z.string() })),
  /** The signed-in account's shares, when sign-in is on. */
  owned: z.array(summarySchema).optional(),
});

export const useShares = create<SharesState & SharesActions>()(
  persist(
    (set, get) => ({
      ...initialShares,

      createShare: async (snapshot, title) => {
        const chosen = title?.trim() || defaultShareTitle(snapshot);
        const answer = await callApi("/api/shares", "POST", { snapshot, title: chosen });
        if (!answer.ok) return answer;
        const created = createdSchema.safeParse(answer.value);
        if (!created.success) return unexpectedAnswer("POST /api/shares", created.error);
        const share: MyShare = { ...created.data, title: chosen };
        set((state) => ({ shares: [share, ...state.shares] }));
        return { ok: true, value: share };
      },

      renameShare: async (id, title) => {
        const share = get().shares.find((s) => s.id === id);
        if (!share) return { ok: false, error: { code: "not_found", message: t.share.unknown } };
        const answer = await callApi(`/api/shares/${id}`, "PATCH", { title }, share.deleteToken);
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
        const answer = await callApi(`/api/shares/${id}`, "DELETE", undefined, share.deleteToken);
        if (!answer.ok && answer.error.code !== "not_found") return answer;
        forget(id);
        return { ok: true, value: undefined };
      },

      refreshShares: async () => {
        const ids = get().shares.map((s) => s.id);
        const pages = Array.from({ length: Math.ceil(ids.length / LOOKUP_PAGE) }, (_, i) =>
          ids.slice(i * LOOKUP_PAGE, (i + 1) * LOOKUP_PAGE),
        );
        // No local share still asks once, to learn the account's own shares.
        if (pages.length === 0) pages.push([]);
        const answers = await Promise.all(pages.map((page) => callApi("/api/shares/lookup", "POST", { ids: page })));
        const found = new Map<string, string>();
        const owned = new Map<string, MyShare>();
        for (const answer of answers) {
          // Forget nothing unless every page answered: a failed lookup says nothing about a share.
          if (!answer.ok) return answer;
          const lookup = lookupSchema.safeParse(answer.value);
          if (!lookup.success) return unexpectedAnswer("POST /api/shares/lookup", lookup.error);
          for (const share of lookup.data.shares) found.set(share.id, share.title);
          for (const share of lookup.data.owned ?? []) owned.set(share.id, share);
        }
        const asked = new Set(ids);
        // Shares created while the lookup ran were not asked about and stay.
        set((state) => {
          const kept = state.shares.flatMap((s) => {
            // The account's shares from elsewhere are replaced by what the server said now.
            if (!s.deleteToken) return [];
            if (!asked.has(s.id)) return [s];
            const title = found.get(s.id) ?? owned.get(s.id)?.title;
            return title === undefined ? [] : [{ ...s, title }];
          });
          const here = new Set(kept.map((s) => s.id));
          const elsewhere = [...owned.values()].filter((s) => !here.has(s.id));
          if (elsewhere.length === 0) return { shares: kept };
          return { shares: [...kept, ...elsewhere].sort((a, b) => b.createdAt.localeCompare(a.createdAt)) };
        });
        return { ok: true, value: undefined };
      },
    }),
    persistOptions({
      key: "shares",
      version: SHARES_VERSION,
      // Only what this browser alone can prove: shares with their delete token.
      partialize: (state): PersistedShares => ({ shares: state.shares.filter((s) => s.deleteToken) }),
      migrate: migrateShares,
    }),
  ),
);

/** Reads a share as anyone with its link can. */
export async function fetchShare(id: string, signal?: AbortSignal): Promise<ShareResult<Share>> {
  const answer = await callApi(`/api/shares/${encodeURIComponent(id)}`, "GET", undefined, undefined, signal);
  if (!answer.ok) return answer;
  const share = shareSchema.safeParse(answer.value);
  if (!share.success) return unexpectedAnswer("GET /api/shares/{id}", share.error);
  return { ok: true, value: share.data };
}

function forget(id: string) {
  useShares.setState((state) => ({ shares: state.shares.filter((s) => s.id !== id) }));
}

async function callApi(
  path: string,
  method: "GET" | "POST" | "PATCH" | "DELETE",
  body: unknown,
  deleteToken?: string,
  signal?: AbortSignal,
): Promise<ShareResult<unknown>> {
  const headers: Record<string, string> = {};
  if (body !== undefined) headers["content-type"] = "application/json";
  if (deleteToken) headers["x-delete-token"] = deleteToken;
  let response: Response;
  let text: string;
  try {
    response = await fetch(path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      signal,
    });
    text = await response.text();
  } catch (error) {
    // fetch and reading the body reject with a TypeError when the connection fails (an abort
    // rejects with a DOMException, which is the caller's to handle).
    if (!(error instanceof TypeError)) throw error;
    return { ok: false, error: { code: "network", message: t.errors.network } };
  }
  const json = parseJson(text);
  if (response.ok) return { ok: true, value: json };
  const failure = errorBodySchema.safeParse(json);
  if (failure.success) return { ok: false, error: failure.data.error };
  console.error(`[shares] ${method} ${path} answered ${response.status} without an error body`);
  return { ok: false, error: { code: "internal", message: t.errors.internal } };
}

function parseJson(text: string): unknown {
  if (text === "") return undefined;
  try {
    return JSON.parse(text);
  } catch (error) {
    if (!(error instanceof SyntaxError)) throw error;
    return undefined;
  }
}

function unexpectedAnswer(what: string, error: z.ZodError): { ok: false; error: FailureView } {
  console.error(`[shares] ${what} answered an unexpected body`, error);
  return { ok: false, error: { code: "internal", message: t.errors.internal } };
}
