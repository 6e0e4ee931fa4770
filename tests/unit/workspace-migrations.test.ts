import { describe, expect, it } from "vitest";
import { defaultParameters } from "@/lib/workspace/model";
import { migrateWorkspace, WORKSPACE_VERSION } from "@/lib/store/workspace-migrations";

describe("migrateWorkspace", () => {
  it("keeps a valid current workspace as it is", () => {
    const state = {
      system: "Translate.",
      composer: "draft",
      composerAttachments: [
        { kind: "image" as const, id: "i", name: "cat.png", url: "data:image/png;base64,iVBORw0KGgo=" },
      ],
      messages: [
        {
          id: "a",
          role: "user",
          content: "What is this?",
          attachments: [{ kind: "document", id: "d", name: "paper.pdf", url: "https://arxiv.org/pdf/1805.04770" }],
        },
        { id: "b", role: "assistant", content: "A cat.", reasoning: "Whiskers, so a cat." },
      ],
      parameters: { ...defaultParameters, temperature: 0, presencePenalty: 0.5, reasoningEffort: "high" as const },
      variables: { input: "x" },
    };
    expect(migrateWorkspace(state, WORKSPACE_VERSION)).toEqual(state);
  });

  it("brings a version-1 workspace to version 2: no attachments, the new parameters at their defaults", () => {
    const { presencePenalty, frequencyPenalty, prediction, reasoningEffort, ...version1Parameters } = {
      ...defaultParameters,
      temperature: 0.2,
    };
    const migrated = migrateWorkspace(
      {
        system: "",
        composer: "draft",
        messages: [{ id: "a", role: "user", content: "hi" }],
        parameters: version1Parameters,
        variables: {},
      },
      1,
    );
    expect(migrated.composerAttachments).toEqual([]);
    expect(migrated.parameters).toEqual({
      ...version1Parameters,
      presencePenalty,
      frequencyPenalty,
      prediction,
      reasoningEffort,
    });
    expect(migrated.parameters.reasoningEffort).toBeNull();
    expect(migrated.messages).toEqual([{ id: "a", role: "user", content: "hi" }]);
  });

  it("drops only the messages that do not parse and fills missing parameters with defaults", () => {
    const migrated = migrateWorkspace(
      {
        system: "S",
        messages: [{ id: "a", role: "user", content: "ok" }, { id: "b", role: "wizard", content: "?" }, 42],
        parameters: { model: "mistral-small-latest" },
      },
      WORKSPACE_VERSION,
    );
    expect(migrated.messages).toEqual([{ id: "a", role: "user", content: "ok" }]);
    expect(migrated.parameters).toEqual({ ...defaultParameters, model: "mistral-small-latest" });
    expect(migrated.system).toBe("S");
    expect(migrated.composer).toBe("");
  });

  it("resets parameters that no longer parse instead of losing the conversation", () => {
    const migrated = migrateWorkspace(
      { messages: [{ id: "a", role: "user", content: "kept" }], parameters: { temperature: "hot" } },
      WORKSPACE_VERSION,
    );
    expect(migrated.parameters).toEqual(defaultParameters);
    expect(migrated.messages).toHaveLength(1);
  });

  it("turns garbage into an empty workspace", () => {
    expect(migrateWorkspace("not an object", 0)).toEqual({
      system: "",
      composer: "",
      composerAttachments: [],
      messages: [],
      parameters: defaultParameters,
      variables: {},
    });
  });
});
