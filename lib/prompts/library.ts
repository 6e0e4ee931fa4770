import { z } from "zod";
import { savedSnapshotSchema, type SavedSnapshot } from "@/lib/workspace/model";

/**
 * Saved prompts as plain data and pure functions: the store keeps the array, calls these and
 * persists the result. No function changes its arguments; when nothing changes, the library
 * comes back as the same array, so a store can skip the update.
 */

export const promptVersionSchema = z.object({
  version: z.number().int().positive(),
  /** ms since the epoch */
  savedAt: z.number(),
  /** What Run would send: the prompt and the composer's unsent text, if any. */
  snapshot: savedSnapshotSchema,
  note: z.string().optional(),
});
export type PromptVersion = z.infer<typeof promptVersionSchema>;

export const savedPromptSchema = z.object({
  id: z.string(),
  name: z.string(),
  createdAt: z.number(),
  updatedAt: z.number(),
  /** Oldest first; never empty. */
  versions: z.array(promptVersionSchema).min(1),
});
export type SavedPrompt = z.infer<typeof savedPromptSchema>;

export const promptLibrarySchema = z.array(savedPromptSchema);
export type PromptLibrary = SavedPrompt[];

export type LibraryErrorCode = "prompt_not_found" | "version_not_found" | "invalid_name";
export type LibraryError = { code: LibraryErrorCode; message: string };
export type LibraryResult<T> = { ok: true; value: T } | { ok: false; error: LibraryError };

const MAX_NAME_LENGTH = 120;

const errorMessages: Record<LibraryErrorCode, string> = {
  prompt_not_found: "This saved prompt no longer exists. It may have been deleted in another tab.",
  version_not_found: "This version no longer exists. Pick another version from the history.",
  invalid_name: `Give the prompt a name of 1 to ${MAX_NAME_LENGTH} characters.`,
};

function failure(code: LibraryErrorCode): { ok: false; error: LibraryError } {
  return { ok: false, error: { code, message: errorMessages[code] } };
}

function cleanName(name: string): string | undefined {
  const trimmed = name.trim().replace(/\s+/g, " ");
  return trimmed.length > 0 && trimmed.length <= MAX_NAME_LENGTH ? trimmed : undefined;
}

export function latestVersion(prompt: SavedPrompt): PromptVersion {
  const latest = prompt.versions.at(-1);
  if (!latest) throw new Error(`Saved prompt ${prompt.id} has no versions`);
  return latest;
}

/** JSON with sorted keys, so that key order never makes two equal values differ. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner && typeof inner === "object" && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : inner,
  );
}

/**
 * What makes a prompt: message ids are the editor's bookkeeping, and what an answer says of its
 * run (metadata, status, format, edited or continued) describes a run, so neither makes a save
 * different. A blank composer is no composer.
 */
function promptContent(snapshot: SavedSnapshot): unknown {
  return {
    ...snapshot,
    composer: snapshot.composer?.trim() ? snapshot.composer : undefined,
    composerAttachments: snapshot.composerAttachments?.length ? snapshot.composerAttachments : undefined,
    messages: snapshot.messages.map((message) => {
      if (message.role !== "assistant") return { ...message, id: undefined };
      const { id: _id, metadata: _m, status: _s, responseFormat: _f, edited: _e, continued: _c, ...content } = message;
      return content;
    }),
  };
}

export function sameSnapshot(a: SavedSnapshot, b: SavedSnapshot): boolean {
  return canonical(promptContent(a)) === canonical(promptContent(b));
}

export type SaveResult = {
  library: PromptLibrary;
  prompt: SavedPrompt;
  /** false when the snapshot equals the latest version (only the name may have changed). */
  versionAdded: boolean;
};

/**
 * Saves `snapshot` as a new prompt, or, with the `id` of a saved one, as its next version
 * (renaming it to `name` as well). New prompts go first in the library.
 */
export function savePrompt(
  library: PromptLibrary,
  input: { name: string; snapshot: SavedSnapshot; now: number; id?: string; note?: string },
): LibraryResult<SaveResult> {
  const name = cleanName(input.name);
  if (!name) return failure("invalid_name");
  const snapshot = structuredClone(input.snapshot);
  const note = input.note?.trim() ? { note: input.note.trim() } : {};

  if (input.id === undefined) {
    const prompt: SavedPrompt = {
      id: crypto.randomUUID(),
      name,
      createdAt: input.now,
      updatedAt: input.now,
      versions: [{ version: 1, savedAt: input.now, snapshot, ...note }],
    };
    return { ok: true, value: { library: [prompt, ...library], prompt, versionAdded: true } };
  }

  const existing = library.find((prompt) => prompt.id === input.id);
  if (!existing) return failure("prompt_not_found");
  const latest = latestVersion(existing);
  const versionAdded = !sameSnapshot(latest.snapshot, snapshot);
  if (!versionAdded && name === existing.name) {
    return { ok: true, value: { library, prompt: existing, versionAdded } };
  }
  const prompt: SavedPrompt = {
    ...existing,
    name,
    updatedAt: input.now,
    versions: versionAdded
      ? [...existing.versions, { version: latest.version + 1, savedAt: input.now, snapshot, ...note }]
      : existing.versions,
  };
  return { ok: true, value: { library: replace(library, prompt), prompt, versionAdded } };
}

function replace(library: PromptLibrary, prompt: SavedPrompt): PromptLibrary {
  return library.map((existing) => (existing.id === prompt.id ? prompt : existing));
}

export function renamePrompt(
  library: PromptLibrary,
  input: { id: string; name: string; now: number },
): LibraryResult<PromptLibrary> {
  const name = cleanName(input.name);
  if (!name) return failure("invalid_name");
  const existing = library.find((prompt) => prompt.id === input.id);
  if (!existing) return failure("prompt_not_found");
  if (existing.name === name) return { ok: true, value: library };
  return { ok: true, value: replace(library, { ...existing, name, updatedAt: input.now }) };
}

/** "Name (copy)", then "Name (copy 2)", … — whichever is free. */
function copyName(library: PromptLibrary, name: string): string {
  const taken = new Set(library.map((prompt) => prompt.name));
  const base = name.replace(/ \(copy(?: \d+)?\)$/, "");
  for (let n = 1; ; n += 1) {
    const candidate = `${base} (copy${n === 1 ? "" : ` ${n}`})`;
    if (!taken.has(candidate)) return candidate.slice(0, MAX_NAME_LENGTH);
  }
}

/**
 * A new prompt whose first version is the latest version of the original, placed right after
 * it. The history stays with the original: a duplicate is a fresh starting point.
 */
export function duplicatePrompt(
  library: PromptLibrary,
  input: { id: string; now: number; name?: string },
): LibraryResult<{ library: PromptLibrary; prompt: SavedPrompt }> {
  const index = library.findIndex((prompt) => prompt.id === input.id);
  const original = library[index];
  if (!original) return failure("prompt_not_found");
  const name = input.name === undefined ? copyName(library, original.name) : cleanName(input.name);
  if (!name) return failure("invalid_name");
  const prompt: SavedPrompt = {
    id: crypto.randomUUID(),
    name,
    createdAt: input.now,
    updatedAt: input.now,
    versions: [
      {
        version: 1,
        savedAt: input.now,
        snapshot: structuredClone(latestVersion(original).snapshot),
      },
    ],
  };
  return {
    ok: true,
    value: {
      library: [...library.slice(0, index + 1), prompt, ...library.slice(index + 1)],
      prompt,
    },
  };
}

/** Deleting a prompt that is already gone is not an error: the outcome is the same. */
export function deletePrompt(library: PromptLibrary, id: string): PromptLibrary {
  const remaining = library.filter((prompt) => prompt.id !== id);
  return remaining.length === library.length ? library : remaining;
}

function searchableText(prompt: SavedPrompt): string {
  const { snapshot } = latestVersion(prompt);
  return [snapshot.system, ...snapshot.messages.map((message) => message.content), snapshot.composer ?? ""].join("\n");
}

/**
 * Prompts whose name or latest messages contain every word of `query`, ignoring case; those
 * whose name matches come first. An empty query returns the whole library.
 */
export function searchPrompts(library: PromptLibrary, query: string): SavedPrompt[] {
  // toLowerCase, not toLocaleLowerCase: the same results on every machine.
  const terms = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (terms.length === 0) return library;
  const byName: SavedPrompt[] = [];
  const byText: SavedPrompt[] = [];
  for (const prompt of library) {
    const name = prompt.name.toLowerCase();
    const haystack = `${name}\n${searchableText(prompt).toLowerCase()}`;
    if (!terms.every((term) => haystack.includes(term))) continue;
    (terms.some((term) => name.includes(term)) ? byName : byText).push(prompt);
  }
  return [...byName, ...byText];
}

/** The snapshot of one version, ready to load into the workspace. */
export function restoreVersion(
  library: PromptLibrary,
  input: { id: string; version: number },
): LibraryResult<SavedSnapshot> {
  const prompt = library.find((candidate) => candidate.id === input.id);
  if (!prompt) return failure("prompt_not_found");
  const version = prompt.versions.find((candidate) => candidate.version === input.version);
  if (!version) return failure("version_not_found");
  return { ok: true, value: structuredClone(version.snapshot) };
}

export { diffVersions, type DiffLine, type PromptDiff, type TextDiff } from "./diff";
