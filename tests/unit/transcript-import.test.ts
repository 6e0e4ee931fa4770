import { beforeEach, describe, expect, it, vi } from "vitest";
import { defaultParameters, type PromptSnapshot } from "@/lib/workspace/model";
import { toTranscriptJson } from "@/lib/export/transcript-json";
import { usePrompts } from "@/lib/store/prompts-store";
import { importTranscriptFile, MAX_IMPORT_BYTES, openPreset, openSavedPrompt } from "@/lib/run/transcript-import";
import { useTranscriptImport } from "@/lib/store/transcript-import-store";
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
const importer = () => useTranscriptImport.getState();

beforeEach(() => {
  useWorkspace.setState(initialWorkspace);
  useTranscriptImport.setState({ pending: null, error: null });
});

describe("importing a transcript file", () => {
  it("loads a valid file at once into an empty workspace", async () => {
    await importTranscriptFile(transcriptFile(toTranscriptJson({ title: "Greeting", snapshot: imported })));
    expect(snapshotOf(useWorkspace.getState())).toEqual(imported);
    expect(importer()).toMatchObject({ pending: null, error: null });
  });

  it("asks before replacing work, and changes nothing until confirmed", async () => {
    useWorkspace.getState().setSystem("My draft");
    await importTranscriptFile(transcriptFile(toTranscriptJson({ title: "Greeting", snapshot: imported })));
    expect(importer().pending?.title).toBe("Greeting");
    expect(useWorkspace.getState().system).toBe("My draft");

    importer().cancel();
    expect(useWorkspace.getState().system).toBe("My draft");

    await importTranscriptFile(transcriptFile(toTranscriptJson({ snapshot: imported }), "saved.json"));
    expect(importer().pending?.title).toBe("saved.json");
    importer().confirm();
    expect(snapshotOf(useWorkspace.getState())).toEqual(imported);
    expect(importer().pending).toBeNull();
  });

  it("refuses a broken, foreign, Markdown or oversized file with the reason, leaving the workspace alone", async () => {
    useWorkspace.getState().setSystem("My draft");
    const valid = JSON.parse(toTranscriptJson({ snapshot: imported })) as { snapshot: { messages: unknown[] } };
    valid.snapshot.messages.push({ id: "x", role: "robot", content: "?" });
    const cases: [File, RegExp][] = [
      [transcriptFile("{ not json"), /not valid JSON/],
      [transcriptFile('{"tools": []}'), /"format" must be "mistral-playground.transcript"/],
      [transcriptFile(JSON.stringify(valid)), /snapshot\.messages\[2\]/],
      [transcriptFile("# Title", "chat.md"), /Markdown export/],
      [transcriptFile("x".repeat(MAX_IMPORT_BYTES + 1)), /at most 5\.0 MB/],
    ];
    for (const [file, reason] of cases) {
      await importTranscriptFile(file);
      expect(importer().error).toMatch(reason);
      expect(importer().pending).toBeNull();
      expect(useWorkspace.getState().system).toBe("My draft");
      expect(useWorkspace.getState().messages).toEqual([]);
      importer().dismissError();
    }
  });
});

describe("opening a preset or a saved prompt", () => {
  const loaded = vi.fn();
  beforeEach(() => {
    loaded.mockReset();
    usePrompts.setState({ prompts: [], activeId: null });
  });

  it("opens a preset at once into an empty workspace, and says so", () => {
    openPreset("translator-chain", loaded);
    expect(useWorkspace.getState().system).toContain("{input_language}");
    expect(loaded).toHaveBeenCalledOnce();
  });

  it("asks before a preset replaces unsaved work; keeping it changes nothing", () => {
    useWorkspace.getState().setComposer("A draft I have not sent");
    openPreset("translator-chain", loaded);
    expect(importer().pending?.title).toBe("Translator chain");
    importer().cancel();
    expect(useWorkspace.getState().composer).toBe("A draft I have not sent");
    expect(loaded).not.toHaveBeenCalled();

    openPreset("translator-chain", loaded);
    importer().confirm();
    expect(useWorkspace.getState().composer).toBe("");
    expect(useWorkspace.getState().system).toContain("{input_language}");
    expect(loaded).toHaveBeenCalledOnce();
  });

  it("does not ask when the workspace is the latest version of its saved prompt, and asks once it is edited", () => {
    useWorkspace.getState().loadSnapshot(imported);
    const saved = usePrompts.getState().save({ name: "Greeting", snapshot: snapshotOf(useWorkspace.getState()) });
    if (!saved.ok) throw new Error(saved.error.message);
    openPreset("summariser", loaded);
    expect(importer().pending).toBeNull();
    expect(usePrompts.getState().activeId).toBeNull();

    // The preset's text is in no saved prompt, so going back asks.
    openSavedPrompt(saved.value.prompt.id, { onLoaded: loaded });
    expect(importer().pending?.title).toBe("Greeting");
    importer().confirm();
    expect(snapshotOf(useWorkspace.getState()).system).toBe(imported.system);
    expect(usePrompts.getState().activeId).toBe(saved.value.prompt.id);

    useWorkspace.getState().setSystem("Be very brief.");
    openPreset("summariser", loaded);
    expect(importer().pending?.title).toBe("Summariser");
    expect(useWorkspace.getState().system).toBe("Be very brief.");
  });

  it("refuses an unknown saved prompt version without touching the workspace", () => {
    useWorkspace.getState().setSystem("My draft");
    const opened = openSavedPrompt("no-such-prompt", { version: 3, onLoaded: loaded });
    expect(opened.ok).toBe(false);
    expect(importer().pending).toBeNull();
    expect(useWorkspace.getState().system).toBe("My draft");
    expect(loaded).not.toHaveBeenCalled();
  });
});
