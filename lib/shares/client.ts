import { z } from "zod";
import type { FailureView } from "@/lib/chat/failure";
import { errorBodySchema } from "@/lib/http/errors";
import { t, wordError } from "@/lib/i18n";
import { parseJson } from "@/lib/json";
import { shareIdSchema, shareSchema, type Share, type ShareSnapshot } from "./share";

/**
 * The browser's side of `/api/shares`: one function per call, each answering a parsed value or
 * the failure to show. Holds no state; the shares store decides what to remember.
 */

export type ShareResult<T> = { ok: true; value: T } | { ok: false; error: FailureView };

/** How many ids one `POST /api/shares/lookup` accepts. */
const LOOKUP_PAGE = 100;

const createdSchema = z.object({ id: shareIdSchema, deleteToken: z.string().min(1), createdAt: z.string() });
export type CreatedShare = z.infer<typeof createdSchema>;

const summarySchema = z.object({ id: shareIdSchema, title: z.string(), createdAt: z.string() });
export type ShareSummary = z.infer<typeof summarySchema>;

const lookupSchema = z.object({
  shares: z.array(z.object({ id: z.string(), title: z.string(), createdAt: z.string() })),
  /** The signed-in account's shares, when sign-in is on. */
  owned: z.array(summarySchema).optional(),
});

export type SharesLookup = {
  /** Title of every asked id that still exists. */
  found: Map<string, string>;
  /** The signed-in account's shares; undefined when sign-in is off. */
  owned: Map<string, ShareSummary> | undefined;
};

export async function postShare(snapshot: ShareSnapshot, title: string): Promise<ShareResult<CreatedShare>> {
  const answer = await callApi("/api/shares", "POST", { snapshot, title });
  if (!answer.ok) return answer;
  const created = createdSchema.safeParse(answer.value);
  return created.success ? { ok: true, value: created.data } : unexpectedAnswer("POST /api/shares", created.error);
}

export async function patchShareTitle(id: string, title: string, deleteToken?: string): Promise<ShareResult<void>> {
  const answer = await callApi(`/api/shares/${id}`, "PATCH", { title }, deleteToken);
  return answer.ok ? { ok: true, value: undefined } : answer;
}

export async function deleteShare(id: string, deleteToken?: string): Promise<ShareResult<void>> {
  const answer = await callApi(`/api/shares/${id}`, "DELETE", undefined, deleteToken);
  return answer.ok ? { ok: true, value: undefined } : answer;
}

/**
 * Asks which of `ids` still exist, a page at a time, and which shares the signed-in account owns.
 * Fails as a whole when one page fails: a failed lookup says nothing about a share.
 */
export async function lookupShares(ids: readonly string[]): Promise<ShareResult<SharesLookup>> {
  const pages = Array.from({ length: Math.ceil(ids.length / LOOKUP_PAGE) }, (_, i) =>
    ids.slice(i * LOOKUP_PAGE, (i + 1) * LOOKUP_PAGE),
  );
  // No id still asks once, to learn the account's own shares.
  if (pages.length === 0) pages.push([]);
  const answers = await Promise.all(pages.map((page) => callApi("/api/shares/lookup", "POST", { ids: page })));
  const found = new Map<string, string>();
  let owned: Map<string, ShareSummary> | undefined;
  for (const answer of answers) {
    if (!answer.ok) return answer;
    const lookup = lookupSchema.safeParse(answer.value);
    if (!lookup.success) return unexpectedAnswer("POST /api/shares/lookup", lookup.error);
    for (const share of lookup.data.shares) found.set(share.id, share.title);
    if (lookup.data.owned) {
      owned ??= new Map();
      for (const share of lookup.data.owned) owned.set(share.id, share);
    }
  }
  return { ok: true, value: { found, owned } };
}

/** Reads a share as anyone with its link can. */
export async function fetchShare(id: string, signal?: AbortSignal): Promise<ShareResult<Share>> {
  const answer = await callApi(`/api/shares/${encodeURIComponent(id)}`, "GET", undefined, undefined, signal);
  if (!answer.ok) return answer;
  const share = shareSchema.safeParse(answer.value);
  if (!share.success) return unexpectedAnswer("GET /api/shares/{id}", share.error);
  return { ok: true, value: share.data };
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
    return { ok: false, error: { code: "network", message: t("errors.network") } };
  }
  // An empty or unreadable body is no value; an error status without an error body is said below.
  const parsed = text === "" ? undefined : parseJson(text);
  const json = parsed?.ok ? parsed.value : undefined;
  if (response.ok) return { ok: true, value: json };
  const failure = errorBodySchema.safeParse(json);
  if (failure.success)
    return { ok: false, error: { code: failure.data.error.code, message: wordError(failure.data.error) } };
  console.error(`[shares] ${method} ${path} answered ${response.status} without an error body`);
  return { ok: false, error: { code: "internal", message: t("errors.internal") } };
}

function unexpectedAnswer(what: string, error: z.ZodError): { ok: false; error: FailureView } {
  console.error(`[shares] ${what} answered an unexpected body`, error);
  return { ok: false, error: { code: "internal", message: t("errors.internal") } };
}
