import { create } from "zustand";
import { persist } from "zustand/middleware";
import { z } from "zod";
import type { SavedSnapshot } from "@/lib/workspace/model";
import { savedSnapshotOf } from "@/lib/workspace/snapshot";
import { messages as t } from "@/lib/i18n";
import {
  deletePrompt,
  duplicatePrompt,
  renamePrompt,
  savePrompt,
  savedPromptSchema,
  type LibraryResult,
  type PromptLibrary,
  type PromptVersion,
  type SavedPrompt,
  type SaveResult,
} from "@/lib/prompts/library";
import { imageAwareStorage } from "./image-storage";
import { migrateWorkspace, WORKSPACE_VERSION } from "./workspace-migrations";
import { persistOptions } from "./persist-options";

/**
 * 1: the first. 2: a version keeps the composer's text and attachments, and its answers their
 * response format (a version 1 prompt's snapshots migrate as workspaces of version 2).
 */
export const PROMPTS_VERSION = 2;

export type PersistedPrompts = {
  prompts: PromptLibrary;
  /** The saved prompt the workspace came from or was last saved as: "Save prompt" adds to it. */
  activeId: string | null;
};

/** Failures of the store itself, on top of the library's. */
export type StoreError = { code: "storage_full"; message: string };
export type StoreResult<T> = LibraryResult<T> | { ok: false; error: StoreError };

type PromptsActions = {
  /** Saves the snapshot as the next version of `id`, or as a new prompt without one. */
  save: (input: { name: string; snapshot: SavedSnapshot; id?: string; note?: string }) => StoreResult<SaveResult>;
  rename: (id: string, name: string) => StoreResult<PromptLibrary>;
  duplicate: (id: string) => StoreResult<SavedPrompt>;
  remove: (id: string) => void;
  setActive: (id: string | null) => void;
};

const initialPrompts: PersistedPrompts = { prompts: [], activeId: null };

const record = z.record(z.string(), z.unknown());
const versionFieldsSchema = z.object({
  version: z.number().int().positive(),
  savedAt: z.number(),
  note: z.string().optional(),
  snapshot: record,
});
const promptFieldsSchema = savedPromptSchema.omit({ versions: true }).extend({ versions: z.array(z.unknown()) });

/**
 * A saved version holds a workspace, so its snapshot goes through the workspace's own migration:
 * a prompt saved before a workspace change loads like a workspace persisted before it. Before
 * version 2 prompts were saved without a composer, and with workspaces of version 2.
 */
function migrateVersion(raw: unknown, promptsVersion: number): PromptVersion[] {
  const parsed = versionFieldsSchema.safeParse(raw);
  if (!parsed.success) return [];
  const { snapshot, ...fields } = parsed.data;
  const migrated = migrateWorkspace(snapshot, promptsVersion < 2 ? 2 : WORKSPACE_VERSION);
  if (promptsVersion < 2) {
    const { composer: _composer, composerAttachments: _attachments, ...prompt } = migrated;
    return [{ ...fields, snapshot: prompt }];
  }
  return [{ ...fields, snapshot: savedSnapshotOf(migrated) }];
}

/**
 * Brings persisted state to the current shape, keeping all that still parses: a version that
 * does not is dropped, and a prompt only when none of its versions is left.
 */
export function migratePrompts(persisted: unknown, version: number): PersistedPrompts {
  const state = record.catch({}).parse(persisted);
  const prompts = z
    .array(z.unknown())
    .catch([])
    .parse(state.prompts)
    .flatMap((raw): SavedPrompt[] => {
      const prompt = promptFieldsSchema.safeParse(raw);
      if (!prompt.success) return [];
      const versions = prompt.data.versions.flatMap((raw) => migrateVersion(raw, version));
      return versions.length > 0 ? [{ ...prompt.data, versions }] : [];
    });
  const activeId = z.string().nullable().catch(null).parse(state.activeId);
  return { prompts, activeId: prompts.some((prompt) => prompt.id === activeId) ? activeId : null };
}

function isQuotaExceeded(error: unknown): boolean {
  return error instanceof DOMException && error.name === "QuotaExceededError";
}

export const usePrompts = create<PersistedPrompts & PromptsActions>()(
  persist(
    (set, get) => {
      /**
       * Applies a library change and persists it. When the browser refuses to store it, the
       * change is undone so that what the user sees is what a reload will show.
       */
      function commit(next: Partial<PersistedPrompts>): { ok: true } | { ok: false; error: StoreError } {
        const before = { prompts: get().prompts, activeId: get().activeId };
        try {
          set(next);
          return { ok: true };
        } catch (error) {
          if (!isQuotaExceeded(error)) throw error;
          console.error("Saved prompts not persisted", error);
          try {
            set(before);
          } catch (again) {
            // A refused write leaves storage as it was, which is `before`: memory now matches it.
            if (!isQuotaExceeded(again)) throw again;
          }
          return { ok: false, error: { code: "storage_full", message: t.prompts.storageFull } };
        }
      }

      return {
        ...initialPrompts,
        save: ({ name, snapshot, id, note }) => {
          const saved = savePrompt(get().prompts, { name, snapshot, id, note, now: Date.now() });
          if (!saved.ok) return saved;
          const committed = commit({ prompts: saved.value.library, activeId: saved.value.prompt.id });
          return committed.ok ? saved : committed;
        },
        rename: (id, name) => {
          const renamed = renamePrompt(get().prompts, { id, name, now: Date.now() });
          if (!renamed.ok) return renamed;
          const committed = commit({ prompts: renamed.value });
          return committed.ok ? renamed : committed;
        },
        duplicate: (id) => {
          const duplicated = duplicatePrompt(get().prompts, { id, now: Date.now() });
          if (!duplicated.ok) return duplicated;
          const committed = commit({ prompts: duplicated.value.library });
          return committed.ok ? { ok: true, value: duplicated.value.prompt } : committed;
        },
        remove: (id) =>
          set((state) => ({
            prompts: deletePrompt(state.prompts, id),
            activeId: state.activeId === id ? null : state.activeId,
          })),
        setActive: (activeId) => set({ activeId }),
      };
    },
    persistOptions({
      key: "prompts",
      version: PROMPTS_VERSION,
      storage: imageAwareStorage,
      partialize: (state): PersistedPrompts => ({ prompts: state.prompts, activeId: state.activeId }),
      migrate: migratePrompts,
    }),
  ),
);

export const promptSelectors = {
  active: (state: PersistedPrompts): SavedPrompt | undefined =>
    state.prompts.find((prompt) => prompt.id === state.activeId),
};
