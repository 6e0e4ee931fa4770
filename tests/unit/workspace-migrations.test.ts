import { describe, expect, it } from "vitest";
import { defaultParameters } from "@/lib/workspace/model";
import { migrateWorkspace, WORKSPACE_VERSION } from "@/lib/store/workspace-migrations";

describe("migrateWorkspace", () => {
  it("keeps a valid version-1 workspace as it is", () => {
    const state = {
      system: "Translate.",
      composer: "draft",
      messages: [{ id: "a", role: "user", content: "I love programming." }],
      parameters: { ...defaultParameters, temperature: 0 },
      variables: { input: "x" },
    };
    expect(migrateWorkspace(state, WORKSPACE_VERSION)).toEqual(state);
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
      messages: [],
      parameters: defaultParameters,
      variables: {},
    });
  });
});
