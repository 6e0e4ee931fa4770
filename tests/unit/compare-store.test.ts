import { beforeEach, describe, expect, it } from "vitest";
import { defaultParameters, type ConversationMessage } from "@/lib/compare/request";
import { defaultJudge } from "@/lib/compare/judge";
import { COMPARE_VERSION, initialCompare, migrateCompare, useCompare } from "@/lib/store/compare-store";
import { flushWrites } from "@/lib/store/persist-options";

const workspace = {
  system: "Answer in {language}.",
  messages: [
    { id: "u1", role: "user", content: "Hi" },
    { id: "a1", role: "assistant", content: "Hello" },
    { id: "u2", role: "user", content: "Say {greeting}" },
    { id: "a2", role: "assistant", content: "An earlier answer" },
  ] as ConversationMessage[],
  composer: "",
  parameters: { ...defaultParameters, model: "mistral-small-latest", temperature: 0.2 },
  variables: { language: "French", greeting: "hello" },
};

beforeEach(() => {
  localStorage.clear();
  useCompare.setState(initialCompare);
});

describe("the compare store", () => {
  it("checks the answers again when a case's check or expected output changes, and leaves failed runs alone", () => {
    const store = useCompare.getState();
    store.seed(workspace);
    store.addVariant();
    useCompare.getState().addCase();
    const { cases, variants } = useCompare.getState();
    const caseId = cases.at(-1)!.id;
    const [first, second] = variants.map((v) => v.id);
    useCompare.getState().setCaseExpected(caseId, "Bon");
    useCompare.getState().setResult(caseId, first!, {
      status: "done",
      content: "Bonjour",
      verdict: { pass: true, reason: "Contains “Bon”." },
    });
    useCompare.getState().setResult(caseId, second!, { status: "failed", content: "", error: "HTTP 503" });

    useCompare.getState().setCaseExpected(caseId, "Hola");
    let row = useCompare.getState().results[caseId];
    expect(row?.[first!]).toMatchObject({ status: "done", content: "Bonjour", verdict: { pass: false } });
    expect(row?.[first!]?.verdict?.reason).toContain("Hola");
    expect(row?.[second!]).toEqual({ status: "failed", content: "", error: "HTTP 503" });

    useCompare.getState().setCaseCheck(caseId, "json");
    row = useCompare.getState().results[caseId];
    expect(row?.[first!]?.verdict?.pass).toBe(false);

    // Nothing expected of a text check: no verdict at all.
    useCompare.getState().setCaseCheck(caseId, "contains");
    useCompare.getState().setCaseExpected(caseId, "");
    expect(useCompare.getState().results[caseId]?.[first!]).toEqual({ status: "done", content: "Bonjour" });
  });

  it("starts Variant 1 from the playground once, the last user turn as the shared message", () => {
    useCompare.getState().seed(workspace);
    const state = useCompare.getState();
    expect(state.variants).toHaveLength(1);
    expect(state.variants[0]).toMatchObject({
      name: "Variant 1",
      system: "Answer in {language}.",
      parameters: workspace.parameters,
    });
    expect(state.variants[0]?.messages.map((m) => m.id)).toEqual(["u1", "a1"]);
    expect(state.userMessage).toBe("Say {greeting}");
    expect(state.values).toEqual({ language: "French", greeting: "hello" });

    useCompare.getState().updateVariant(state.variants[0]!.id, { system: "Changed here" });
    useCompare.getState().seed({ ...workspace, system: "The playground moved on" });
    expect(useCompare.getState().variants[0]?.system).toBe("Changed here");
  });

  it("Add variant copies the last one under a new name; duplicate, rename and remove", () => {
    const store = useCompare.getState();
    store.seed(workspace);
    const first = useCompare.getState().variants[0]!;
    store.setVariantParameter(first.id, "model", "ministral-8b-latest");
    store.addVariant();
    const [, second] = useCompare.getState().variants;
    expect(second).toMatchObject({ name: "Variant 2", parameters: { model: "ministral-8b-latest" } });
    expect(second?.id).not.toBe(first.id);
    store.duplicateVariant(first.id);
    expect(useCompare.getState().variants.map((v) => v.name)).toEqual(["Variant 1", "Variant 3", "Variant 2"]);
    store.removeVariant(first.id);
    expect(useCompare.getState().variants.map((v) => v.name)).toEqual(["Variant 3", "Variant 2"]);
  });

  it("imported rows replace the lone empty starting case and keep typed ones", () => {
    const store = useCompare.getState();
    store.addCase();
    store.appendCases([{ values: { language: "German" }, expected: "Hallo" }]);
    expect(useCompare.getState().cases.map((c) => c.values)).toEqual([{ language: "German" }]);
    store.addCase();
    store.appendCases([{ values: { language: "Italian" }, expected: "", check: "regex" }]);
    expect(useCompare.getState().cases).toHaveLength(3);
    expect(useCompare.getState().cases[2]?.check).toBe("regex");
  });

  it("keeps variants, cases and results in localStorage under its version, without what is in flight", () => {
    const store = useCompare.getState();
    store.seed(workspace);
    store.addCase();
    const caseId = useCompare.getState().cases[0]!.id;
    const variantId = useCompare.getState().variants[0]!.id;
    store.setResult(caseId, variantId, { status: "done", content: "Bonjour", verdict: { pass: true, reason: "ok" } });
    flushWrites();
    const stored = JSON.parse(localStorage.getItem("mistral-playground.compare") ?? "null") as {
      state: Record<string, unknown>;
      version: number;
    };
    expect(stored.version).toBe(COMPARE_VERSION);
    expect(Object.keys(stored.state).sort()).toEqual([
      "answers",
      "cases",
      "concurrency",
      "judge",
      "results",
      "userMessage",
      "values",
      "variants",
    ]);
    expect(migrateCompare(stored.state, COMPARE_VERSION).results[caseId]?.[variantId]?.content).toBe("Bonjour");
  });
});

describe("migrateCompare", () => {
  it("reads version 1 state with the judge off (version 2 added it)", () => {
    const { judge: _judge, ...version1 } = { ...initialCompare, userMessage: "Hello", concurrency: 6 };
    expect(migrateCompare(version1, 1)).toEqual({ ...version1, judge: defaultJudge });
  });

  it("keeps version 2's judge, and falls back to the judge off when it is unreadable", () => {
    const judge = { enabled: true, model: "mistral-large-latest", rubric: 'Mentions "Paris".' };
    expect(migrateCompare({ ...initialCompare, judge }, 2).judge).toEqual(judge);
    expect(migrateCompare({ ...initialCompare, userMessage: "Kept", judge: { enabled: "yes" } }, 2)).toEqual({
      ...initialCompare,
      userMessage: "Kept",
    });
  });

  it("persists the judge's settings and each result's verdict from it", () => {
    const { setJudge, addCase, seed } = useCompare.getState();
    seed(workspace);
    addCase();
    setJudge({ enabled: true, rubric: 'Says "bonjour".' });
    const { cases, variants } = useCompare.getState();
    const [caseId, variantId] = [cases[0]!.id, variants[0]!.id];
    const judged = {
      status: "done" as const,
      content: "Bonjour",
      judge: { status: "done" as const, verdict: { pass: true, reason: "It says bonjour." } },
    };
    useCompare.getState().setResult(caseId, variantId, judged);
    flushWrites();
    const stored = JSON.parse(localStorage.getItem("mistral-playground.compare") ?? "{}") as {
      state: unknown;
      version: number;
    };
    const migrated = migrateCompare(stored.state, stored.version);
    expect(migrated.judge).toEqual({ ...defaultJudge, enabled: true, rubric: 'Says "bonjour".' });
    expect(migrated.results[caseId]?.[variantId]).toEqual(judged);
  });

  it("falls back part by part: a bad field loses nothing else", () => {
    const migrated = migrateCompare(
      { userMessage: "Kept", concurrency: 99, variants: "nonsense", cases: [{ id: 1 }] },
      1,
    );
    expect(migrated).toEqual({ ...initialCompare, userMessage: "Kept" });
  });

  it("starts afresh from something that is not state at all", () => {
    expect(migrateCompare(null, 0)).toEqual(initialCompare);
    expect(migrateCompare("garbage", 1)).toEqual(initialCompare);
  });
});
