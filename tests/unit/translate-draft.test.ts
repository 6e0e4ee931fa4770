import { beforeEach, describe, expect, it } from "vitest";
import { defaultParameters, type ConversationMessage } from "@/lib/workspace/model";
import { readPersistedTranslate, resumableDraft, useTranslateDraft, draftBasis } from "@/lib/store/translate-store";
import { translationTemplate } from "@/lib/translate/requests";

const workspace = {
  system: "Translate to {output_language}.",
  messages: [{ id: "u", role: "user", content: "{input}" }] as ConversationMessage[],
  composer: "",
  parameters: { ...defaultParameters, model: "mistral-small-latest" },
  variables: { input: "Good morning" },
};

beforeEach(() => {
  useTranslateDraft.setState({ draft: null, targets: ["fr", "de", "es"] });
});

describe("the translation demo's draft", () => {
  it("is resumed for the template it was typed against, and kept in localStorage", () => {
    const template = translationTemplate(workspace);
    useTranslateDraft.getState().saveDraft({
      basis: draftBasis(template),
      source: "Guten Morgen, ihr alle",
      values: { input: "Good morning" },
      model: "mistral-large-latest",
    });
    expect(resumableDraft(template)?.source).toBe("Guten Morgen, ihr alle");
    const stored = JSON.parse(localStorage.getItem("mistral-playground.translate") ?? "null") as {
      state: unknown;
      version: number;
    };
    expect(stored.version).toBe(1);
    expect(readPersistedTranslate(stored.state).draft?.model).toBe("mistral-large-latest");
  });

  it("is not resumed once the workspace's template, values or model changed", () => {
    const template = translationTemplate(workspace);
    useTranslateDraft.getState().saveDraft({ basis: draftBasis(template), source: "x", values: {}, model: "m" });
    for (const changed of [
      { ...workspace, system: "Render in {output_language}." },
      { ...workspace, variables: { input: "Good evening" } },
      { ...workspace, parameters: { ...workspace.parameters, model: "mistral-large-latest" } },
    ]) {
      expect(resumableDraft(translationTemplate(changed))).toBeNull();
    }
  });

  it("reads what storage holds part by part: a broken draft or unknown languages fall back", () => {
    expect(readPersistedTranslate({ draft: { source: 3 }, targets: ["ko", "xx", "ko", "zh"] })).toEqual({
      draft: null,
      targets: ["ko", "zh"],
    });
    expect(readPersistedTranslate({ draft: null, targets: "fr" })).toEqual({
      draft: null,
      targets: ["fr", "de", "es"],
    });
    expect(readPersistedTranslate("garbage")).toEqual({ draft: null, targets: ["fr", "de", "es"] });
  });
});
