import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { defaultParameters, type PromptSnapshot } from "@/lib/workspace/model";

/** localStorage for the store in Node, with a switch to make it refuse writes like a full disk. */
class MemoryStorage {
  items = new Map<string, string>();
  full = false;
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    if (this.full) throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
    this.items.set(key, value);
  }
  removeItem(key: string) {
    this.items.delete(key);
  }
}

const storage = new MemoryStorage();
vi.stubGlobal("localStorage", storage);
// The store reads localStorage when it is created, so it is imported after the stub.
type StoreModule = typeof import("@/lib/store/prompts-store");
let store: StoreModule;
beforeAll(async () => {
  store = await import("@/lib/store/prompts-store");
});

const KEY = "mistral-playground.prompts";

const snapshot: PromptSnapshot = {
  system: "Translate {input_language} to {output_language}.",
  messages: [{ id: "m1", role: "user", content: "{input}" }],
  parameters: { ...defaultParameters, temperature: 0 },
  variables: { input_language: "English", output_language: "German", input: "I love programming." },
};

function savedPrompt(overrides: Record<string, unknown> = {}) {
  return {
    id: "p1",
    name: "Translator",
    createdAt: 1,
    updatedAt: 2,
    versions: [
      { version: 1, savedAt: 1, snapshot },
      { version: 2, savedAt: 2, snapshot: { ...snapshot, system: "Translate." }, note: "shorter" },
    ],
    ...overrides,
  };
}

describe("migratePrompts", () => {
  it("reads a version 1 library as it was written", () => {
    const state = { prompts: [savedPrompt()], activeId: "p1" };
    expect(store.migratePrompts(state, 1)).toEqual(state);
  });

  it("turns anything that is not a library into an empty one", () => {
    for (const garbage of [null, "text", 42, [], { prompts: "no" }]) {
      expect(store.migratePrompts(garbage, 1)).toEqual({ prompts: [], activeId: null });
    }
  });

  it("drops a version that does not parse, and a prompt only when it has no version left", () => {
    const state = {
      prompts: [
        savedPrompt({
          versions: [
            { version: 1, savedAt: 1, snapshot },
            { version: "two", snapshot },
          ],
        }),
        savedPrompt({ id: "p2", versions: [{ version: 1, savedAt: 1, snapshot: "lost" }] }),
        { id: "p3", name: 7, versions: [{ version: 1, savedAt: 1, snapshot }] },
      ],
      activeId: "p2",
    };
    const migrated = store.migratePrompts(state, 1);
    expect(migrated.prompts.map((prompt) => [prompt.id, prompt.versions.length])).toEqual([["p1", 1]]);
    expect(migrated.activeId).toBeNull();
  });

  it("brings an old snapshot up to the workspace's shape: missing parameters get defaults, bad messages go", () => {
    const { parallelToolCalls: _dropped, ...olderParameters } = snapshot.parameters;
    const old = {
      ...snapshot,
      parameters: olderParameters,
      messages: [...snapshot.messages, { id: "x", role: "narrator", content: "?" }],
      composer: "not part of a saved prompt",
    };
    const migrated = store.migratePrompts(
      { prompts: [savedPrompt({ versions: [{ version: 1, savedAt: 1, snapshot: old }] })] },
      1,
    );
    expect(migrated.prompts[0]?.versions[0]?.snapshot).toEqual(snapshot);
  });

  it("reads what a newer build wrote as far as it parses", () => {
    const state = { prompts: [savedPrompt({ folder: "work" })], activeId: "p1", pinned: ["p1"] };
    expect(store.migratePrompts(state, 2)).toEqual({ prompts: [savedPrompt()], activeId: "p1" });
  });
});

describe("usePrompts", () => {
  beforeEach(() => {
    storage.items.clear();
    storage.full = false;
    store.usePrompts.setState({ prompts: [], activeId: null });
  });

  it("rehydrates persisted state through the parser", async () => {
    storage.setItem(
      KEY,
      JSON.stringify({ state: { prompts: [savedPrompt(), { id: 3 }], activeId: "gone" }, version: 1 }),
    );
    await store.usePrompts.persist.rehydrate();
    expect(store.usePrompts.getState().prompts).toEqual([savedPrompt()]);
    expect(store.usePrompts.getState().activeId).toBeNull();
  });

  it("persists saves under its own key and version, and a save adds a version to the active prompt", () => {
    const first = store.usePrompts.getState().save({ name: "Translator", snapshot });
    if (!first.ok) throw new Error(first.error.message);
    const id = first.value.prompt.id;
    const second = store.usePrompts
      .getState()
      .save({ name: "Translator", snapshot: { ...snapshot, system: "Hi" }, id });
    expect(second.ok && second.value.versionAdded).toBe(true);

    const persisted = JSON.parse(storage.getItem(KEY) ?? "null");
    expect(persisted.version).toBe(store.PROMPTS_VERSION);
    expect(persisted.state.activeId).toBe(id);
    expect(persisted.state.prompts[0].versions.map((v: { version: number }) => v.version)).toEqual([1, 2]);
  });

  it("keeps the library as it was when the browser refuses to store a save", () => {
    store.usePrompts.getState().save({ name: "Kept", snapshot });
    const before = store.usePrompts.getState().prompts;
    storage.full = true;
    const saved = store.usePrompts.getState().save({ name: "Too much", snapshot });
    expect(saved).toMatchObject({ ok: false, error: { code: "storage_full" } });
    expect(store.usePrompts.getState().prompts).toBe(before);
  });

  it("deleting the active prompt unlinks the workspace from it", () => {
    const saved = store.usePrompts.getState().save({ name: "Gone soon", snapshot });
    if (!saved.ok) throw new Error(saved.error.message);
    store.usePrompts.getState().remove(saved.value.prompt.id);
    expect(store.usePrompts.getState()).toMatchObject({ prompts: [], activeId: null });
  });
});
