import { generateId } from "ai";
import { create } from "zustand";
import { persist } from "zustand/middleware";
import { z } from "zod";
import { checkCaseAnswer, type CheckKind } from "@/lib/compare/checks";
import { MAX_CASES, testCaseSchema, type CaseRow, type TestCase } from "@/lib/compare/cases";
import { defaultJudge, judgeSettingsSchema, type JudgeSettings } from "@/lib/compare/judge";
import type { Parameters, PromptSnapshot } from "@/lib/compare/request";
import { caseResultSchema, type CaseResult, type ResultTable } from "@/lib/compare/results";
import {
  MAX_VARIANTS,
  nextVariantName,
  variantFromWorkspace,
  variantSchema,
  type Variant,
} from "@/lib/compare/variants";
import { persistOptions } from "./persist-options";

/**
 * The Compare page's own state, kept in this browser: variants, the shared user message, the
 * test cases and the finished answers and results. What is streaming lives in the runner.
 */

export const DEFAULT_CONCURRENCY = 4;
export const MAX_CONCURRENCY = 16;

const persistedSchema = z.object({
  variants: z.array(variantSchema).max(MAX_VARIANTS).catch([]),
  userMessage: z.string().catch(""),
  /** Values of the variables for Run (the cases carry their own). */
  values: z.record(z.string(), z.string()).catch({}),
  /** The last Run's answer per variant id. */
  answers: z.record(z.string(), caseResultSchema).catch({}),
  cases: z.array(testCaseSchema).max(MAX_CASES).catch([]),
  results: z.record(z.string(), z.record(z.string(), caseResultSchema)).catch({}),
  concurrency: z.number().int().min(1).max(MAX_CONCURRENCY).catch(DEFAULT_CONCURRENCY),
  judge: judgeSettingsSchema.catch(defaultJudge),
});
export type PersistedCompare = z.infer<typeof persistedSchema>;
const persistedKeys = Object.keys(persistedSchema.shape) as (keyof PersistedCompare)[];

export const COMPARE_VERSION = 2;

export const initialCompare: PersistedCompare = {
  variants: [],
  userMessage: "",
  values: {},
  answers: {},
  cases: [],
  results: {},
  concurrency: DEFAULT_CONCURRENCY,
  judge: defaultJudge,
};

/**
 * Stored state as the current version, one step per version: 1 → 2 adds the judge, off. Anything
 * unreadable falls back part by part, so one bad field loses nothing else.
 */
export function migrateCompare(persisted: unknown, version: number): PersistedCompare {
  let state = persisted ?? {};
  if (version < 2 && typeof state === "object") state = { ...state, judge: defaultJudge };
  const parsed = persistedSchema.safeParse(state);
  return parsed.success ? parsed.data : initialCompare;
}

function newCase(values: Record<string, string> = {}, expected = "", check: CheckKind = "contains"): TestCase {
  return { id: generateId(), values, expected, check };
}

type CompareActions = {
  /** The first visit: Variant 1 is the playground's prompt. */
  seed: (workspace: PromptSnapshot & { composer: string }) => void;
  addVariant: () => void;
  duplicateVariant: (id: string) => void;
  removeVariant: (id: string) => void;
  updateVariant: (id: string, patch: Partial<Pick<Variant, "name" | "system">>) => void;
  setVariantParameter: <K extends keyof Parameters>(id: string, key: K, value: Parameters[K]) => void;
  setUserMessage: (text: string) => void;
  setValue: (name: string, value: string) => void;
  setAnswer: (variantId: string, answer: CaseResult | null) => void;
  addCase: () => void;
  duplicateCase: (id: string) => void;
  deleteCase: (id: string) => void;
  setCaseValue: (id: string, name: string, value: string) => void;
  setCaseExpected: (id: string, expected: string) => void;
  setCaseCheck: (id: string, check: CheckKind) => void;
  setCheckForAll: (check: CheckKind) => void;
  /** Appends imported or pasted rows; rows beyond MAX_CASES are not added. */
  appendCases: (rows: readonly CaseRow[]) => void;
  setResult: (caseId: string, variantId: string, result: CaseResult) => void;
  clearResults: (keys: readonly { caseId: string; variantId: string }[]) => void;
  setConcurrency: (concurrency: number) => void;
  setJudge: (patch: Partial<JudgeSettings>) => void;
};

function mapVariant(variants: Variant[], id: string, change: (variant: Variant) => Variant): Variant[] {
  return variants.map((variant) => (variant.id === id ? change(variant) : variant));
}

function mapCase(cases: TestCase[], id: string, change: (testCase: TestCase) => TestCase): TestCase[] {
  return cases.map((testCase) => (testCase.id === id ? change(testCase) : testCase));
}

/**
 * The cases, and their answers checked again where a case's check or expected output changed:
 * the answers stay, their verdicts follow what is expected now (a check is a pure function of
 * the answer). The judge's verdicts are not redone, which would call the model.
 */
function recheck(state: PersistedCompare, cases: TestCase[]): Pick<PersistedCompare, "cases" | "results"> {
  let results = state.results;
  for (const [index, testCase] of cases.entries()) {
    const before = state.cases[index];
    const row = results[testCase.id];
    if (!row || (before?.check === testCase.check && before.expected === testCase.expected)) continue;
    const next = { ...row };
    for (const variant of state.variants) {
      const result = row[variant.id];
      if (result?.status !== "done") continue;
      const { verdict: _stale, ...answer } = result;
      const verdict = checkCaseAnswer(
        result.content,
        { kind: testCase.check, expected: testCase.expected },
        variant.parameters.responseFormat,
      );
      next[variant.id] = verdict ? { ...answer, verdict } : answer;
    }
    results = { ...results, [testCase.id]: next };
  }
  return { cases, results };
}

export const useCompare = create<PersistedCompare & CompareActions>()(
  persist(
    (set) => ({
      ...initialCompare,

      seed: (workspace) =>
        set((state) => {
          if (state.variants.length > 0) return state;
          const { variant, userMessage } = variantFromWorkspace(workspace, generateId());
          return { variants: [variant], userMessage, values: { ...workspace.variables } };
        }),
      addVariant: () =>
        set((state) => {
          const last = state.variants.at(-1);
          if (!last || state.variants.length >= MAX_VARIANTS) return state;
          return {
            variants: [...state.variants, { ...last, id: generateId(), name: nextVariantName(state.variants) }],
          };
        }),
      duplicateVariant: (id) =>
        set((state) => {
          const index = state.variants.findIndex((v) => v.id === id);
          const source = state.variants[index];
          if (!source || state.variants.length >= MAX_VARIANTS) return state;
          const copy = { ...source, id: generateId(), name: nextVariantName(state.variants) };
          return { variants: state.variants.toSpliced(index + 1, 0, copy) };
        }),
      removeVariant: (id) =>
        set((state) => {
          if (state.variants.length <= 1) return state;
          const { [id]: _removed, ...answers } = state.answers;
          return { variants: state.variants.filter((v) => v.id !== id), answers };
        }),
      updateVariant: (id, patch) =>
        set((state) => ({ variants: mapVariant(state.variants, id, (v) => ({ ...v, ...patch })) })),
      setVariantParameter: (id, key, value) =>
        set((state) => ({
          variants: mapVariant(state.variants, id, (v) => ({ ...v, parameters: { ...v.parameters, [key]: value } })),
        })),
      setUserMessage: (userMessage) => set({ userMessage }),
      setValue: (name, value) => set((state) => ({ values: { ...state.values, [name]: value } })),
      setAnswer: (variantId, answer) =>
        set((state) => {
          const { [variantId]: _previous, ...rest } = state.answers;
          return { answers: answer ? { ...rest, [variantId]: answer } : rest };
        }),

      addCase: () => set((state) => (state.cases.length >= MAX_CASES ? state : { cases: [...state.cases, newCase()] })),
      duplicateCase: (id) =>
        set((state) => {
          const index = state.cases.findIndex((c) => c.id === id);
          const source = state.cases[index];
          if (!source || state.cases.length >= MAX_CASES) return state;
          return { cases: state.cases.toSpliced(index + 1, 0, { ...source, id: generateId() }) };
        }),
      deleteCase: (id) =>
        set((state) => {
          const { [id]: _removed, ...results } = state.results;
          return { cases: state.cases.filter((c) => c.id !== id), results };
        }),
      setCaseValue: (id, name, value) =>
        set((state) => ({
          cases: mapCase(state.cases, id, (c) => ({ ...c, values: { ...c.values, [name]: value } })),
        })),
      setCaseExpected: (id, expected) =>
        set((state) =>
          recheck(
            state,
            mapCase(state.cases, id, (c) => ({ ...c, expected })),
          ),
        ),
      setCaseCheck: (id, check) =>
        set((state) =>
          recheck(
            state,
            mapCase(state.cases, id, (c) => ({ ...c, check })),
          ),
        ),
      setCheckForAll: (check) =>
        set((state) =>
          recheck(
            state,
            state.cases.map((c) => ({ ...c, check })),
          ),
        ),
      appendCases: (rows) =>
        set((state) => {
          // A lone empty row (the table's starting state) makes way for the imported ones.
          const kept = state.cases.filter(
            (c) => state.cases.length > 1 || c.expected !== "" || Object.values(c.values).some((v) => v !== ""),
          );
          const added = rows.map((row) => newCase(row.values, row.expected, row.check));
          return { cases: [...kept, ...added].slice(0, MAX_CASES) };
        }),
      setResult: (caseId, variantId, result) =>
        set((state) => ({
          results: { ...state.results, [caseId]: { ...state.results[caseId], [variantId]: result } },
        })),
      clearResults: (keys) =>
        set((state) => {
          const results: ResultTable = { ...state.results };
          for (const { caseId, variantId } of keys) {
            const row = results[caseId];
            if (!row?.[variantId]) continue;
            const { [variantId]: _removed, ...rest } = row;
            results[caseId] = rest;
          }
          return { results };
        }),
      setConcurrency: (concurrency) =>
        set({ concurrency: Math.min(MAX_CONCURRENCY, Math.max(1, Math.round(concurrency) || DEFAULT_CONCURRENCY)) }),
      setJudge: (patch) => set((state) => ({ judge: { ...state.judge, ...patch } })),
    }),
    persistOptions({
      key: "compare",
      version: COMPARE_VERSION,
      whenIdle: true,
      // Exactly the fields of the persisted schema: never what is in flight, never the actions.
      partialize: (state): PersistedCompare =>
        Object.fromEntries(persistedKeys.map((key) => [key, state[key]])) as PersistedCompare,
      migrate: migrateCompare,
    }),
  ),
);
