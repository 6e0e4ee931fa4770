import { create } from "zustand";
import { persist } from "zustand/middleware";
import { z } from "zod";
import { defaultTargets, findLanguage } from "@/lib/translate/languages";
import { SOURCE_TEXT, type TranslationTemplate } from "@/lib/translate/requests";
import { noResults, settledResults, translationResultsSchema, type TranslationOutcome } from "@/lib/translate/results";
import { persistOptions } from "./persist-options";

/**
 * What the translation demo's user typed and picked, and the last run's results, kept in this
 * browser so a reload loses none of it. The text and values belong to the workspace they started
 * from (`basis`): when the workspace's template or values change, the demo starts from those
 * again. The languages are a preference and always kept. Streams in flight are not kept: a
 * language still running at a reload comes back stopped.
 */

const draftSchema = z.object({
  basis: z.string(),
  source: z.string(),
  values: z.record(z.string(), z.string()),
  model: z.string(),
});

const persistedSchema = z.object({
  draft: draftSchema.nullable().catch(null),
  targets: z
    .array(z.string())
    .transform((codes) => [...new Set(codes)].filter((code) => findLanguage(code) !== undefined))
    .catch([...defaultTargets]),
  results: translationResultsSchema.catch(noResults),
});

export type PersistedTranslate = z.infer<typeof persistedSchema>;

type TranslateActions = {
  /** Starts the draft from `template`, unless the one kept was typed against this same template. */
  resume: (template: TranslationTemplate) => void;
  setSource: (source: string) => void;
  setValue: (name: string, value: string) => void;
  setModel: (model: string) => void;
  setTargets: (targets: string[]) => void;
  /** A new run: these languages, none of them ended yet. */
  startResults: (languages: string[]) => void;
  /** One language runs again; its old outcome goes. */
  reopenResult: (code: string) => void;
  recordOutcome: (code: string, outcome: TranslationOutcome) => void;
  setWallTime: (wallTimeMs: number) => void;
};

/** 1: draft and targets. 2: the last run's results; Chinese split into Simplified and Traditional. */
export const TRANSLATE_VERSION = 2;

const initial: PersistedTranslate = { draft: null, targets: [...defaultTargets], results: noResults };

/** State of the current shape read from storage; anything unreadable falls back to the initial state, part by part. */
export function readPersistedTranslate(persisted: unknown): PersistedTranslate {
  const parsed = persistedSchema.safeParse(persisted);
  return parsed.success ? parsed.data : initial;
}

/** Persisted state of any version read into the current shape. */
export function migrateTranslate(persisted: unknown, version: number): PersistedTranslate {
  if (version < 2) {
    const v1 = z.object({ targets: z.array(z.unknown()) }).safeParse(persisted);
    if (v1.success) {
      // Version 1 had one "Chinese", which the model wrote in Simplified characters.
      const targets = v1.data.targets.map((code) => (code === "zh" ? "zh-Hans" : code));
      return readPersistedTranslate({ ...(persisted as object), targets, results: noResults });
    }
  }
  return readPersistedTranslate(persisted);
}

export const useTranslateDraft = create<PersistedTranslate & TranslateActions>()(
  persist(
    (set, get) => ({
      ...initial,
      resume: (template) => {
        const basis = draftBasis(template);
        if (get().draft?.basis === basis) return;
        set({
          draft: {
            basis,
            source: template.values[SOURCE_TEXT] ?? "",
            values: template.values,
            model: template.parameters.model,
          },
        });
      },
      setSource: (source) => set(({ draft }) => (draft ? { draft: { ...draft, source } } : {})),
      setValue: (name, value) =>
        set(({ draft }) => (draft ? { draft: { ...draft, values: { ...draft.values, [name]: value } } } : {})),
      setModel: (model) => set(({ draft }) => (draft ? { draft: { ...draft, model } } : {})),
      setTargets: (targets) => set({ targets }),
      startResults: (languages) => set({ results: { languages, outcomes: {}, wallTimeMs: null } }),
      reopenResult: (code) =>
        set(({ results }) => {
          const { [code]: _reopened, ...outcomes } = results.outcomes;
          return { results: { ...results, outcomes } };
        }),
      recordOutcome: (code, outcome) =>
        set(({ results }) => ({ results: { ...results, outcomes: { ...results.outcomes, [code]: outcome } } })),
      setWallTime: (wallTimeMs) => set(({ results }) => ({ results: { ...results, wallTimeMs } })),
    }),
    persistOptions({
      key: "translate",
      version: TRANSLATE_VERSION,
      partialize: ({ draft, targets, results }): PersistedTranslate => ({
        draft,
        targets,
        results: settledResults(results),
      }),
      migrate: migrateTranslate,
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
