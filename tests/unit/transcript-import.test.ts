import { beforeEach, describe, expect, it } from "vitest";
import { defaultParameters, type PromptSnapshot } from "@/lib/workspace/model";
import { toTranscriptJson } from "@/lib/export/transcript-json";
import { toMarkdown } from "@/lib/export/transcript-markdown";
import { usePrompts } from "@/lib/store/prompts-store";
import { importTranscriptFile, MAX_IMPORT_BYTES, openPreset, openSavedPrompt } from "@/lib/run/transcript-import";
import { confirmReplacement, keepWorkspace } from "@/lib/run/workspace-replacement";
import { useWorkspaceReplacement } from "@/lib/store/workspace-replacement-store";
import { initialWorkspace, useWorkspace } from "@/lib/store/workspace-store";
import { snapshotOf } from "@/lib/workspace/snapshot";

const imported: PromptSnapshot = {
  system: "Be brief.",
  messages: [
    { id: "u1", role: "user", content: "Hi" },
    { id: "a1", role: "assistant", content: "Hello!", status: "complete" },
  ],
  parameters: { ...defaultParameters, temperature: 0.4 },
  variables: {},
};

const transcriptFile = (text: string, name = "transcript.json") => new File([text], name, { type: "application/json" });
const importer = () => useWorkspaceReplacement.getState();

beforeEach(() => {
  useWorkspace.setState(initialWorkspace);
  useWorkspaceReplacement.setState({ question: null, error: null });
});

describe("importing a transcript file", () => {
  it("loads a valid file at once into an empty workspace", async () => {
    await importTranscriptFile(transcriptFile(toTranscriptJson({ title: "Greeting", snapshot: imported })));
    expect(snapshotOf(useWorkspace.getState())).toEqual(imported);
    expect(importer()).toMatchObject({ question: null, error: null });
  });

  it("asks before replacing work, and changes nothing until confirmed", async () => {
    useWorkspace.getState().setSystem("My draft");
    await importTranscriptFile(transcriptFile(toTranscriptJson({ title: "Greeting", snapshot: imported })));
    expect(importer().question?.title).toBe("Greeting");
    expect(useWorkspace.getState().system).toBe("My draft");

    keepWorkspace();
    expect(useWorkspace.getState().system).toBe("My draft");

    await importTranscriptFile(transcriptFile(toTranscriptJson({ snapshot: imported }), "saved.json"));
    expect(importer().question?.title).toBe("saved.json");
    confirmReplacement();
    expect(snapshotOf(useWorkspace.getState())).toEqual(imported);
    expect(importer().question).toBeNull();
  });

  it("loads a Markdown export like a JSON one", async () => {
    await importTranscriptFile(transcriptFile(toMarkdown({ title: "Greeting", snapshot: imported }), "greeting.md"));
    const { messages, ...rest } = snapshotOf(useWorkspace.getState());
    expect(rest).toEqual({ system: imported.system, parameters: imported.parameters, variables: {} });
    expect(messages.map(({ role, content }) => ({ role, content }))).toEqual([
      { role: "user", content: "Hi" },
      { role: "assistant", content: "Hello!" },
    ]);
  });

  it("refuses a broken, foreign, non-transcript Markdown or oversized file with the reason, leaving the workspace alone", async () => {
    useWorkspace.getState().setSystem("My draft");
    const valid = JSON.parse(toTranscriptJson({ snapshot: imported })) as { snapshot: { messages: unknown[] } };
    valid.snapshot.messages.push({ id: "x", role: "robot", content: "?" });
    const cases: [File, RegExp][] = [
      [transcriptFile("{ not json"), /not valid JSON/],
      [transcriptFile('{"tools": []}'), /"format" must be "mistral-playground.transcript"/],
      [transcriptFile(JSON.stringify(valid)), /snapshot\.messages\[2\]/],
      [transcriptFile("# Title", "chat.md"), /not a playground transcript/],
      [transcriptFile("x".repeat(MAX_IMPORT_BYTES + 1)), /at most 5\.0 MB/],
    ];
    for (const [file, reason] of cases) {
      await importTranscriptFile(file);
      expect(importer().error).toMatch(reason);
      expect(importer().question).toBeNull();
      expect(useWorkspace.getState().system).toBe("My draft");
      expect(useWorkspace.getState().messages).toEqual([]);
      importer().dismissError();
    }
  });
});

describe("opening a preset or a saved prompt", () => {
  beforeEach(() => {
    usePrompts.setState({ prompts: [], activeId: null });
  });

  it("opens a preset at once into an empty workspace, and says it was replaced", async () => {
    await expect(openPreset("translator-chain")).resolves.toBe("replaced");
    expect(useWorkspace.getState().system).toContain("{input_language}");
  });

  it("asks before a preset replaces unsaved work; keeping it changes nothing", async () => {
    useWorkspace.getState().setComposer("A draft I have not sent");
    const kept = openPreset("translator-chain");
    expect(importer().question?.title).toBe("Translator chain");
    keepWorkspace();
    await expect(kept).resolves.toBe("kept");
    expect(useWorkspace.getState().composer).toBe("A draft I have not sent");

    const replaced = openPreset("translator-chain");
    confirmReplacement();
    await expect(replaced).resolves.toBe("replaced");
    expect(useWorkspace.getState().composer).toBe("");
    expect(useWorkspace.getState().system).toContain("{input_language}");
    // The question holds data only: nothing callable is kept in the store.
    expect(Object.values(importer().question ?? {}).some((value) => typeof value === "function")).toBe(false);
  });

  it("a second question while one is open keeps the work the first asked about", async () => {
    useWorkspace.getState().setComposer("A draft");
    const first = openPreset("translator-chain");
    const second = openPreset("summariser");
    await expect(first).resolves.toBe("kept");
    expect(importer().question?.title).toBe("Summariser");
    confirmReplacement();
    await expect(second).resolves.toBe("replaced");
  });

  it("does not ask when the workspace is the latest version of its saved prompt, and asks once it is edited", async () => {
    useWorkspace.getState().loadSnapshot(imported);
    const saved = usePrompts.getState().save({ name: "Greeting", snapshot: snapshotOf(useWorkspace.getState()) });
    if (!saved.ok) throw new Error(saved.error.message);
    await expect(openPreset("summariser")).resolves.toBe("replaced");
    expect(importer().question).toBeNull();
    expect(usePrompts.getState().activeId).toBeNull();

    // The preset's text is in no saved prompt, so going back asks.
    const opened = openSavedPrompt(saved.value.prompt.id);
    expect(importer().question?.title).toBe("Greeting");
    confirmReplacement();
    expect(opened.ok && (await opened.value.replaced)).toBe("replaced");
    expect(snapshotOf(useWorkspace.getState()).system).toBe(imported.system);
    expect(usePrompts.getState().activeId).toBe(saved.value.prompt.id);

    useWorkspace.getState().setSystem("Be very brief.");
    void openPreset("summariser");
    expect(importer().question?.title).toBe("Summariser");
    expect(useWorkspace.getState().system).toBe("Be very brief.");
  });

  it("refuses an unknown saved prompt version without touching the workspace", () => {
    useWorkspace.getState().setSystem("My draft");
    const opened = openSavedPrompt("no-such-prompt", 3);
    expect(opened.ok).toBe(false);
    expect(importer().question).toBeNull();
    expect(useWorkspace.getState().system).toBe("My draft");
  });
});
