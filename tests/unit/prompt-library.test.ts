import { describe, expect, it } from "vitest";
import { collectVariables, renderPrompt } from "@/lib/chat/template";
import { defaultParameters, promptSnapshotSchema, type PromptSnapshot } from "@/lib/workspace/model";
import {
  deletePrompt,
  diffVersions,
  duplicatePrompt,
  promptLibrarySchema,
  renamePrompt,
  restoreVersion,
  savePrompt,
  searchPrompts,
  type LibraryResult,
  type SavedPrompt,
} from "@/lib/prompts/library";
import { promptPresets } from "@/lib/prompts/presets";

const base: PromptSnapshot = {
  system: "You are a helpful assistant that translates {input_language} to {output_language}.",
  messages: [{ id: "m1", role: "user", content: "{input}" }],
  parameters: { ...defaultParameters, temperature: 0 },
  variables: { input_language: "English", output_language: "German", input: "I love programming." },
};

function unwrap<T>(result: LibraryResult<T>): T {
  if (!result.ok) throw new Error(`Expected ok, got ${result.error.code}`);
  return result.value;
}

function saveNew(library: SavedPrompt[], name: string, snapshot = base, now = 1000) {
  return unwrap(savePrompt(library, { name, snapshot, now }));
}

describe("savePrompt", () => {
  it("creates a prompt with version 1, first in the library", () => {
    const first = saveNew([], "Translator");
    const second = saveNew(first.library, "Other", base, 2000);
    expect(second.library.map((p) => p.name)).toEqual(["Other", "Translator"]);
    expect(first.prompt).toMatchObject({ name: "Translator", createdAt: 1000, updatedAt: 1000 });
    expect(first.prompt.versions).toEqual([{ version: 1, savedAt: 1000, snapshot: base }]);
    expect(first.prompt.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(first.prompt.id).not.toBe(second.prompt.id);
    expect(promptLibrarySchema.safeParse(second.library).success).toBe(true);
  });

  it("keeps its own copy of the snapshot", () => {
    const snapshot = structuredClone(base);
    const { prompt } = saveNew([], "Translator", snapshot);
    snapshot.messages[0]!.content = "changed after saving";
    expect(prompt.versions[0]?.snapshot.messages[0]?.content).toBe("{input}");
  });

  it("adds a version when the snapshot changed, and renames with the same save", () => {
    const { library, prompt } = saveNew([], "Translator");
    const changed = { ...base, variables: { ...base.variables, output_language: "French" } };
    const saved = unwrap(
      savePrompt(library, {
        id: prompt.id,
        name: "Translator FR",
        snapshot: changed,
        now: 5000,
        note: " French ",
      }),
    );
    expect(saved.versionAdded).toBe(true);
    expect(saved.prompt).toMatchObject({ name: "Translator FR", createdAt: 1000, updatedAt: 5000 });
    expect(saved.prompt.versions.map((v) => [v.version, v.savedAt, v.note])).toEqual([
      [1, 1000, undefined],
      [2, 5000, "French"],
    ]);
    expect(saved.library).toHaveLength(1);
  });

  it("does not add a version identical to the latest, whatever the key order, ids or run metadata", () => {
    const withAnswer: PromptSnapshot = {
      ...base,
      messages: [
        ...base.messages,
        {
          id: "a1",
          role: "assistant",
          content: "Ich liebe das Programmieren.",
          metadata: { model: "x" },
        },
      ],
    };
    const { library, prompt } = saveNew([], "Translator", withAnswer);
    const same: PromptSnapshot = {
      variables: {
        input: "I love programming.",
        output_language: "German",
        input_language: "English",
      },
      parameters: { ...withAnswer.parameters },
      messages: [
        { id: "other-id", role: "user", content: "{input}" },
        {
          id: "a2",
          role: "assistant",
          content: "Ich liebe das Programmieren.",
          status: "complete",
        },
      ],
      system: withAnswer.system,
    };
    const saved = unwrap(savePrompt(library, { id: prompt.id, name: "Translator", snapshot: same, now: 9000 }));
    expect(saved.versionAdded).toBe(false);
    expect(saved.library).toBe(library);
    expect(saved.prompt).toBe(prompt);
    expect(saved.prompt.updatedAt).toBe(1000);
  });

  it("renames without a new version when only the name changed", () => {
    const { library, prompt } = saveNew([], "Translator");
    const saved = unwrap(savePrompt(library, { id: prompt.id, name: "Renamed", snapshot: base, now: 3000 }));
    expect(saved).toMatchObject({
      versionAdded: false,
      prompt: { name: "Renamed", updatedAt: 3000 },
    });
    expect(saved.prompt.versions).toHaveLength(1);
  });

  it("refuses an empty name and an unknown id", () => {
    expect(savePrompt([], { name: "   ", snapshot: base, now: 1 })).toMatchObject({
      ok: false,
      error: { code: "invalid_name" },
    });
    expect(savePrompt([], { id: "gone", name: "X", snapshot: base, now: 1 })).toMatchObject({
      ok: false,
      error: { code: "prompt_not_found" },
    });
  });
});

describe("renamePrompt, duplicatePrompt, deletePrompt", () => {
  it("renames, trimming the name", () => {
    const { library, prompt } = saveNew([], "Translator");
    const renamed = unwrap(renamePrompt(library, { id: prompt.id, name: "  German  translator ", now: 7 }));
    expect(renamed[0]).toMatchObject({ name: "German translator", updatedAt: 7 });
    expect(library[0]?.name).toBe("Translator");
    expect(renamePrompt(library, { id: prompt.id, name: "", now: 7 })).toMatchObject({ ok: false });
    // An unchanged name leaves the library as it was, the same array.
    expect(unwrap(renamePrompt(library, { id: prompt.id, name: "Translator", now: 8 }))).toBe(library);
  });

  it("duplicates the latest version as a new prompt right after the original", () => {
    const first = saveNew([], "A");
    const second = saveNew(first.library, "Translator", base, 2000);
    const changed = { ...base, system: "Version two" };
    const v2 = unwrap(
      savePrompt(second.library, {
        id: second.prompt.id,
        name: "Translator",
        snapshot: changed,
        now: 3000,
      }),
    );
    const copy = unwrap(duplicatePrompt(v2.library, { id: second.prompt.id, now: 4000 }));
    expect(copy.library.map((p) => p.name)).toEqual(["Translator", "Translator (copy)", "A"]);
    expect(copy.prompt.versions).toEqual([{ version: 1, savedAt: 4000, snapshot: changed }]);
    expect(copy.prompt.id).not.toBe(second.prompt.id);

    const again = unwrap(duplicatePrompt(copy.library, { id: copy.prompt.id, now: 5000 }));
    expect(again.prompt.name).toBe("Translator (copy 2)");
  });

  it("deletes, and deleting again changes nothing", () => {
    const first = saveNew([], "A");
    const second = saveNew(first.library, "B");
    const after = deletePrompt(second.library, first.prompt.id);
    expect(after.map((p) => p.name)).toEqual(["B"]);
    expect(deletePrompt(after, first.prompt.id)).toBe(after);
  });
});

describe("searchPrompts", () => {
  const library = [
    saveNew([], "French menu", {
      ...base,
      system: "Translate dishes.",
      messages: [{ id: "x", role: "user", content: "Crème brûlée" }],
    }).prompt,
    saveNew([], "Translator chain").prompt,
    saveNew([], "Summariser", {
      ...base,
      system: "Summarise in French.",
      messages: [{ id: "y", role: "user", content: "A long TEXT" }],
    }).prompt,
  ];

  it("matches names and message text, ignoring case, names first", () => {
    expect(searchPrompts(library, "FRENCH").map((p) => p.name)).toEqual(["French menu", "Summariser"]);
    expect(searchPrompts(library, "crème").map((p) => p.name)).toEqual(["French menu"]);
    expect(searchPrompts(library, "{input}").map((p) => p.name)).toEqual(["Translator chain"]);
  });

  it("needs every word, and an empty query returns everything", () => {
    expect(searchPrompts(library, "summarise text").map((p) => p.name)).toEqual(["Summariser"]);
    expect(searchPrompts(library, "summarise crème")).toEqual([]);
    expect(searchPrompts(library, "  ")).toHaveLength(3);
  });
});

describe("restoreVersion", () => {
  it("returns a copy of the version's snapshot", () => {
    const { library, prompt } = saveNew([], "Translator");
    const v2 = unwrap(
      savePrompt(library, {
        id: prompt.id,
        name: "Translator",
        snapshot: { ...base, system: "Two" },
        now: 2,
      }),
    );
    const restored = unwrap(restoreVersion(v2.library, { id: prompt.id, version: 1 }));
    expect(restored).toEqual(base);
    expect(restored).not.toBe(v2.prompt.versions[0]?.snapshot);
    expect(restoreVersion(v2.library, { id: prompt.id, version: 3 })).toMatchObject({
      ok: false,
      error: { code: "version_not_found" },
    });
    expect(restoreVersion(v2.library, { id: "nope", version: 1 })).toMatchObject({
      ok: false,
      error: { code: "prompt_not_found" },
    });
  });
});

describe("diffVersions", () => {
  it("reports no change for equal snapshots", () => {
    const diff = diffVersions(base, structuredClone(base));
    expect(diff.changed).toBe(false);
    expect(diff.system).toEqual({
      changed: false,
      lines: [{ kind: "unchanged", text: base.system }],
    });
    expect(diff.parameters.every((p) => p.status === "unchanged")).toBe(true);
  });

  it("names unset parameters as the share page does, not as null", () => {
    const a = { ...base, parameters: { ...base.parameters, temperature: 0.2, randomSeed: 7, maxTokens: 100 } };
    const b = { ...base, parameters: { ...base.parameters, temperature: null, randomSeed: null, maxTokens: null } };
    const byName = new Map(diffVersions(a, b).parameters.map((p) => [p.name, p]));
    expect(byName.get("temperature")).toMatchObject({ before: "0.2", after: "model default" });
    expect(byName.get("randomSeed")).toMatchObject({ before: "7", after: "random" });
    expect(byName.get("maxTokens")).toMatchObject({ before: "100", after: "no limit" });
  });

  it("diffs the system message line by line", () => {
    const a = { ...base, system: "Line one\nLine two\nLine three" };
    const b = { ...base, system: "Line one\nLine 2\nLine three\nLine four" };
    const diff = diffVersions(a, b);
    expect(diff.changed).toBe(true);
    expect(diff.system.lines).toEqual([
      { kind: "unchanged", text: "Line one" },
      { kind: "removed", text: "Line two" },
      { kind: "added", text: "Line 2" },
      { kind: "unchanged", text: "Line three" },
      { kind: "added", text: "Line four" },
    ]);
  });

  it("compares messages by position, with added and removed ones", () => {
    const a: PromptSnapshot = {
      ...base,
      messages: [
        { id: "1", role: "user", content: "Hello" },
        {
          id: "2",
          role: "assistant",
          content: "",
          toolCalls: [{ id: "abcDEF123", name: "f", arguments: "{}" }],
        },
      ],
    };
    const b: PromptSnapshot = {
      ...base,
      messages: [{ id: "9", role: "user", content: "Hello" }],
    };
    const diff = diffVersions(a, b);
    expect(diff.messages.map((m) => m.status)).toEqual(["unchanged", "removed"]);
    expect(diff.messages[1]).toMatchObject({
      index: 1,
      role: { before: "assistant", after: undefined },
      tools: { changed: true, lines: [{ kind: "removed", text: "f({}) [abcDEF123]" }] },
    });
    expect(diffVersions(b, a).messages[1]?.status).toBe("added");
  });

  it("lists each parameter and each variable with its status", () => {
    const b: PromptSnapshot = {
      ...base,
      parameters: {
        ...base.parameters,
        temperature: 0.7,
        stop: ["\n\n"],
        responseFormat: { type: "json_object" },
      },
      variables: { input_language: "English", output_language: "French", extra: "new" },
    };
    const diff = diffVersions(base, b);
    const changed = diff.parameters.filter((p) => p.status === "changed");
    expect(changed.map((p) => p.name)).toEqual(["temperature", "stop", "responseFormat"]);
    expect(changed[0]).toMatchObject({ before: "0", after: "0.7" });
    expect(diff.parameters).toHaveLength(Object.keys(defaultParameters).length);
    expect(diff.variables.map((v) => [v.name, v.status])).toEqual([
      ["input_language", "unchanged"],
      ["output_language", "changed"],
      ["input", "removed"],
      ["extra", "added"],
    ]);
    expect(diff.variables[1]?.diff.lines).toEqual([
      { kind: "removed", text: "German" },
      { kind: "added", text: "French" },
    ]);
  });
});

describe("presets", () => {
  it("are valid snapshots whose variables all have values", () => {
    for (const preset of promptPresets) {
      expect(promptSnapshotSchema.safeParse(preset.snapshot).success, preset.id).toBe(true);
      const variables = collectVariables(preset.snapshot);
      expect(Object.keys(preset.snapshot.variables).sort(), preset.id).toEqual([...variables].sort());
      expect(renderPrompt(preset.snapshot, preset.snapshot.variables).ok, preset.id).toBe(true);
    }
    expect(new Set(promptPresets.map((p) => p.id)).size).toBe(promptPresets.length);
  });

  it("include LangChain's translator chain", () => {
    const translator = promptPresets.find((p) => p.name === "Translator chain");
    const rendered = renderPrompt(translator!.snapshot, translator!.snapshot.variables);
    expect(rendered).toMatchObject({
      ok: true,
      value: {
        system: "You are a helpful assistant that translates English to German.",
        messages: [{ role: "user", content: "I love programming." }],
      },
    });
    expect(translator?.snapshot.parameters).toMatchObject({
      model: "mistral-large-latest",
      temperature: 0,
    });
  });
});
