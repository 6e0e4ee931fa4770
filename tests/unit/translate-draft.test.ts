import { beforeEach, describe, expect, it } from "vitest";
import { defaultParameters, type ConversationMessage } from "@/lib/workspace/model";
import {
  migrateTranslate,
  readPersistedTranslate,
  TRANSLATE_VERSION,
  useTranslateDraft,
} from "@/lib/store/translate-store";
import { translationTemplate } from "@/lib/translate/requests";
import { noResults } from "@/lib/translate/results";

const workspace = {
  system: "Translate to {output_language}.",
  messages: [{ id: "u", role: "user", content: "{input}" }] as ConversationMessage[],
  composer: "",
  parameters: { ...defaultParameters, model: "mistral-small-latest" },
  variables: { input: "Good morning" },
};

const store = () => useTranslateDraft.getState();

function stored(): { state: unknown; version: number } {
  return JSON.parse(localStorage.getItem("mistral-playground.translate") ?? "null") as {
    state: unknown;
    version: number;
  };
}

beforeEach(() => {
  useTranslateDraft.setState({ draft: null, targets: ["fr", "de", "es"], results: noResults });
});

describe("the translation demo's draft", () => {
  it("starts from the template, changes through its actions, and is kept in localStorage", () => {
    const template = translationTemplate(workspace);
    store().resume(template);
    expect(store().draft).toMatchObject({ source: "Good morning", model: "mistral-small-latest" });
    store().setSource("Guten Morgen, ihr alle");
    store().setValue("tone", "warm");
    store().setModel("mistral-large-latest");

    // Opening the demo again on the same template resumes what was typed.
    store().resume(translationTemplate(workspace));
    expect(store().draft).toMatchObject({
      source: "Guten Morgen, ihr alle",
      values: { input: "Good morning", tone: "warm" },
      model: "mistral-large-latest",
    });
    expect(stored().version).toBe(TRANSLATE_VERSION);
    expect(readPersistedTranslate(stored().state).draft?.model).toBe("mistral-large-latest");
  });

  it("starts again once the workspace's template, values or model changed", () => {
    store().resume(translationTemplate(workspace));
    store().setSource("x");
    for (const changed of [
      { ...workspace, system: "Render in {output_language}." },
      { ...workspace, variables: { input: "Good evening" } },
      { ...workspace, parameters: { ...workspace.parameters, model: "mistral-large-latest" } },
    ]) {
      store().resume(translationTemplate(changed));
      expect(store().draft?.source).not.toBe("x");
    }
  });

  it("reads what storage holds part by part: a broken draft, unknown languages or results fall back", () => {
    expect(readPersistedTranslate({ draft: { source: 3 }, targets: ["ko", "xx-bogus", "ko", "zh-Hant"] })).toEqual({
      draft: null,
      targets: ["ko", "zh-Hant"],
      results: noResults,
    });
    expect(readPersistedTranslate({ draft: null, targets: "fr", results: { languages: "fr" } })).toEqual({
      draft: null,
      targets: ["fr", "de", "es"],
      results: noResults,
    });
    expect(readPersistedTranslate("garbage")).toEqual({ draft: null, targets: ["fr", "de", "es"], results: noResults });
  });
});

describe("the translation results", () => {
  it("are kept with the draft; a language still streaming is kept as stopped", () => {
    store().startResults(["fr", "de"]);
    store().recordOutcome("fr", {
      status: "done",
      answer: {
        content: "Bonjour",
        status: "complete",
        metadata: { usage: { promptTokens: 5, completionTokens: 2, totalTokens: 7 } },
      },
    });
    const kept = readPersistedTranslate(stored().state).results;
    expect(kept.languages).toEqual(["fr", "de"]);
    expect(kept.outcomes.fr?.answer?.content).toBe("Bonjour");
    expect(kept.outcomes.de).toEqual({ status: "stopped" });
    // In memory the open language is still running.
    expect(store().results.outcomes.de).toBeUndefined();
  });

  it("drop one language's outcome when it runs again", () => {
    store().startResults(["fr"]);
    store().recordOutcome("fr", { status: "failed", failure: { code: "rate_limited", message: "Slow down." } });
    store().setWallTime(1200);
    store().reopenResult("fr");
    expect(store().results).toEqual({ languages: ["fr"], outcomes: {}, wallTimeMs: 1200 });
  });
});

describe("migrateTranslate", () => {
  it("from version 1: keeps the draft and languages, turns Chinese into Simplified Chinese, starts without results", () => {
    const draft = { basis: "b", source: "Hello", values: {}, model: "mistral-small-latest" };
    expect(migrateTranslate({ draft, targets: ["fr", "zh", "ja"] }, 1)).toEqual({
      draft,
      targets: ["fr", "zh-Hans", "ja"],
      results: noResults,
    });
  });

  it("from version 1 with nothing readable: the initial state", () => {
    expect(migrateTranslate(null, 1)).toEqual({ draft: null, targets: ["fr", "de", "es"], results: noResults });
  });
});
