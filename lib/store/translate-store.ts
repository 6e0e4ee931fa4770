import { create } from "zustand";
import { persist } from "zustand/middleware";
import { z } from "zod";
import { defaultTargets, findLanguage } from "@/lib/translate/languages";
import type { TranslationTemplate } from "@/lib/translate/requests";
import { persistOptions } from "./persist-options";

/**
 * What the translation demo's user typed and picked, kept in this browser so a reload loses
 * none of it. The text and values belong to the workspace they started from (`basis`): when the
 * workspace's template or values change, the demo starts from those again. The languages are a
 * preference and always kept.
 */

const draftSchema = z.object({
  basis: z.string(),
  source: z.string(),
  values: z.record(z.string(), z.string()),
  model: z.string(),
});

export type TranslateDraft = z.infer<typeof draftSchema>;

const persistedSchema = z.object({
  draft: draftSchema.nullable().catch(null),
  targets: z
    .array(z.string())
    .transform((codes) => [...new Set(codes)].filter((code) => findLanguage(code) !== undefined))
    .catch([...defaultTargets]),
});

export type PersistedTranslate = z.infer<typeof persistedSchema>;

type TranslateActions = {
  saveDraft: (draft: TranslateDraft) => void;
  setTargets: (targets: string[]) => void;
};

export const TRANSLATE_VERSION = 1;

const initial: PersistedTranslate = { draft: null, targets: [...defaultTargets] };

/**
 * Persisted state of any version read into the current shape. Version 1 is the only one so far;
 * anything unreadable falls back to the initial state, part by part.
 */
export function readPersistedTranslate(persisted: unknown, _version = TRANSLATE_VERSION): PersistedTranslate {
  const parsed = persistedSchema.safeParse(persisted);
  return parsed.success ? parsed.data : initial;
}

export const useTranslateDraft = create<PersistedTranslate & TranslateActions>()(
  persist(
    (set) => ({
      ...initial,
      saveDraft: (draft) => set({ draft }),
      setTargets: (targets) => set({ targets }),
    }),
    persistOptions({
      key: "translate",
      version: TRANSLATE_VERSION,
      partialize: ({ draft, targets }): PersistedTranslate => ({ draft, targets }),
      migrate: readPersistedTranslate,
    }),
  ),
);

/** The template the demo starts from, as the key its draft is kept under. */
export function draftBasis(template: TranslationTemplate): string {
  return JSON.stringify([
    template.system,
    template.messages.map((message) => [message.role, message.content]),
    Object.entries(template.values).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
    template.parameters.model,
  ]);
}

/** The draft to resume for this template, if the user left one. */
export function resumableDraft(template: TranslationTemplate): TranslateDraft | null {
  const { draft } = useTranslateDraft.getState();
  return draft?.basis === draftBasis(template) ? draft : null;
}
