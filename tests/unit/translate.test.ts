import { describe, expect, it } from "vitest";
import { defaultParameters, type ConversationMessage } from "@/lib/workspace/model";
import {
  findLanguage,
  offeredLanguages,
  targetLanguages,
  userLanguageCode,
  type TargetLanguage,
} from "@/lib/translate/languages";
import { buildTranslationRequests, translationTemplate } from "@/lib/translate/requests";
import { sumTranslations } from "@/lib/translate/totals";

const workspace = {
  system: "",
  messages: [] as ConversationMessage[],
  composer: "",
  parameters: { ...defaultParameters, model: "mistral-small-latest", temperature: 0.7 },
  variables: {},
};

function languages(...codes: string[]): TargetLanguage[] {
  return codes.map((code) => {
    const language = findLanguage(code);
    if (!language) throw new Error(`no language ${code}`);
    return language;
  });
}

describe("targetLanguages", () => {
  it("offers at least the eight languages of the issue, each once", () => {
    const names = targetLanguages.map((language) => language.name);
    for (const name of ["French", "German", "Spanish", "Italian", "Portuguese", "Japanese", "Korean"]) {
      expect(names).toContain(name);
    }
    expect(new Set(targetLanguages.map((language) => language.code)).size).toBe(targetLanguages.length);
  });

  it("offers English, and Chinese as Simplified and Traditional apart", () => {
    expect(findLanguage("en")?.name).toBe("English");
    expect(findLanguage("zh-Hans")).toMatchObject({ name: "Simplified Chinese", nativeName: "简体中文" });
    expect(findLanguage("zh-Hant")).toMatchObject({ name: "Traditional Chinese", nativeName: "繁體中文" });
  });
});

describe("the user's own language", () => {
  it("comes from the browser's languages: Chinese by script, others by language", () => {
    expect(userLanguageCode(["zh-TW", "en"])).toBe("zh-Hant");
    expect(userLanguageCode(["zh-CN"])).toBe("zh-Hans");
    expect(userLanguageCode(["pt-BR"])).toBe("pt");
    expect(userLanguageCode(["not a tag", "sv-SE"])).toBe("sv");
    expect(userLanguageCode([])).toBeUndefined();
  });

  it("is added to the offered languages, named in English and in itself, when it is not in the list", () => {
    const offered = offeredLanguages("sv");
    expect(offered[0]).toEqual({ code: "sv", name: "Swedish", nativeName: "Svenska" });
    expect(offered).toHaveLength(targetLanguages.length + 1);
    expect(offeredLanguages("fr")).toBe(targetLanguages);
  });

  it("is a target like any other", () => {
    expect(findLanguage("sv")?.name).toBe("Swedish");
    expect(findLanguage("xx-bogus")).toBeUndefined();
  });
});

describe("translationTemplate", () => {
  it("falls back to the translator chain, on the workspace's model, when the workspace has no {output_language}", () => {
    const template = translationTemplate({
      ...workspace,
      system: "Be brief.",
      messages: [{ id: "u", role: "user", content: "{output_language}" }],
    });
    expect(template.origin).toBe("preset");
    expect(template.system).toBe("You are a helpful assistant that translates {input_language} to {output_language}.");
    expect(template.messages.map((m) => m.content)).toEqual(["{input}"]);
    expect(template.parameters).toMatchObject({ model: "mistral-small-latest", temperature: 0 });
    expect(template.fields).toEqual(["input_language"]);
    expect(template.values).toMatchObject({ input_language: "English", input: "I love programming." });
  });

  it("uses the workspace's prompt when it has {output_language} and {input}, without earlier answers", () => {
    const template = translationTemplate({
      ...workspace,
      system: "Translate into {output_language}, in a {tone} tone.",
      messages: [
        { id: "u", role: "user", content: "{input}" },
        { id: "a", role: "assistant", content: "Ich liebe das Programmieren." },
      ],
      variables: { tone: "formal", input: "Hello" },
    });
    expect(template.origin).toBe("workspace");
    expect(template.messages.map((m) => m.id)).toEqual(["u"]);
    expect(template.fields).toEqual(["tone"]);
    expect(template.values).toEqual({ tone: "formal", input: "Hello" });
    expect(template.parameters.temperature).toBe(0.7);
  });

  it("leaves the workspace's tools out: a translation has no tool call to answer", () => {
    const tool = { name: "lookup", description: "", parameters: "{}" };
    const template = translationTemplate({
      ...workspace,
      system: "Translate to {output_language}.",
      messages: [{ id: "u", role: "user", content: "{input}" }],
      parameters: { ...workspace.parameters, tools: [tool], toolChoice: "any" },
    });
    expect(template.parameters).toMatchObject({ tools: [], toolChoice: "auto" });
  });

  it("counts the composer's text as the last user message, as Run does", () => {
    const template = translationTemplate({
      ...workspace,
      system: "Translate to {output_language}.",
      composer: "{input}",
    });
    expect(template.origin).toBe("workspace");
    expect(template.messages).toEqual([{ id: "composer", role: "user", content: "{input}" }]);
  });
});

describe("buildTranslationRequests", () => {
  const template = translationTemplate(workspace);

  it("renders one request per language, varying only {output_language}", () => {
    const built = buildTranslationRequests({
      template,
      values: template.values,
      source: "I love programming.",
      languages: languages("fr", "de", "ja"),
    });
    if (!built.ok) throw new Error(built.error);
    expect(built.value.map((request) => request.language.code)).toEqual(["fr", "de", "ja"]);
    expect(built.value.map((request) => request.body.messages)).toEqual(
      ["French", "German", "Japanese"].map((name) => [
        { role: "system", content: `You are a helpful assistant that translates English to ${name}.` },
        { role: "user", content: "I love programming." },
      ]),
    );
    expect(built.value[0]?.body.parameters).toMatchObject({ model: "mistral-small-latest", temperature: 0 });
  });

  it("sends the source text as typed, braces included", () => {
    const built = buildTranslationRequests({
      template,
      values: template.values,
      source: "Use {name} here.",
      languages: languages("de"),
    });
    expect(built.ok && built.value[0]?.body.messages[1]).toEqual({ role: "user", content: "Use {name} here." });
  });

  it("names a missing value and sends nothing", () => {
    const built = buildTranslationRequests({
      template,
      values: { input_language: "" },
      source: "Hi",
      languages: languages("de", "fr"),
    });
    expect(built).toEqual({ ok: false, error: "Fill in the value of {input_language} before running." });
  });

  it("asks for a source text and at least one language", () => {
    const base = { template, values: template.values };
    expect(buildTranslationRequests({ ...base, source: "  ", languages: languages("de") })).toMatchObject({
      ok: false,
    });
    expect(buildTranslationRequests({ ...base, source: "Hi", languages: [] })).toMatchObject({ ok: false });
  });

  it("refuses a target that is the source text's own language, naming it", () => {
    const values = { ...template.values, input_language: "english" };
    expect(buildTranslationRequests({ template, values, source: "Hi", languages: languages("fr", "en") })).toEqual({
      ok: false,
      error: "The text is in English already. Untick English or change the source language.",
    });
    expect(
      buildTranslationRequests({
        template,
        values: { ...values, input_language: "Français" },
        source: "Salut",
        languages: languages("fr"),
      }),
    ).toMatchObject({ ok: false });
    expect(buildTranslationRequests({ template, values, source: "Hi", languages: languages("zh-Hans") })).toMatchObject(
      {
        ok: true,
      },
    );
  });
});

describe("sumTranslations", () => {
  it("adds usage, priced cost and durations, skipping answers without them", () => {
    const usage = { promptTokens: 20, completionTokens: 5, totalTokens: 25 };
    const totals = sumTranslations([
      { usage, model: "mistral-large-latest", durationMs: 300 },
      { usage, model: "no-such-model", durationMs: 200 },
      undefined,
      { durationMs: 50 },
    ]);
    expect(totals).toMatchObject({
      promptTokens: 40,
      completionTokens: 10,
      totalTokens: 50,
      unpriced: 1,
      sumOfDurationsMs: 550,
    });
    // mistral-large-latest: $0.5 in and $1.5 out per million tokens.
    expect(totals.cost).toBeCloseTo((20 * 0.5 + 5 * 1.5) / 1e6, 12);
  });

  it("has no sum of latencies when no answer reported a duration (all stopped), rather than 0 ms", () => {
    expect(sumTranslations([undefined, {}]).sumOfDurationsMs).toBeUndefined();
  });
});
