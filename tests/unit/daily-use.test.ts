import { beforeEach, describe, expect, it } from "vitest";
import {
  convertMustacheVariables,
  escapeOffendingBraces,
  mustacheVariables,
  parseTemplate,
  renderTemplate,
} from "@/lib/chat/template";
import { diffVersions, sameSnapshot, savePrompt } from "@/lib/prompts/library";
import { migratePrompts } from "@/lib/store/prompts-store";
import { migrateWorkspace, WORKSPACE_VERSION } from "@/lib/store/workspace-migrations";
import { initialWorkspace, useWorkspace } from "@/lib/store/workspace-store";
import { defaultParameters, type ResponseFormat, type Workspace } from "@/lib/workspace/model";
import { continuedAnswerId, continuedText, savedSnapshotOf } from "@/lib/workspace/snapshot";

const schemaFormat: ResponseFormat = {
  type: "json_schema",
  name: "person",
  schema: '{"type":"object","required":["name"]}',
  strict: true,
};

describe("escapeOffendingBraces", () => {
  it("doubles the braces of a pasted JSON object, nested ones included, and leaves variables alone", () => {
    const fixed = escapeOffendingBraces('Answer like {"a": {"b": [1]}} about {topic}');
    expect(fixed).toBe('Answer like {{"a": {{"b": [1]}}}} about {topic}');
    expect(parseTemplate(fixed ?? "")).toEqual({ ok: true, value: { variables: ["topic"] } });
    expect(renderTemplate(fixed ?? "", { topic: "cats" })).toEqual({
      ok: true,
      value: 'Answer like {"a": {"b": [1]}} about cats',
    });
  });

  it("doubles a lone brace, and leaves a text that parses as it is", () => {
    expect(escapeOffendingBraces("a } b")).toBe("a }} b");
    expect(escapeOffendingBraces("a { b")).toBe("a {{ b");
    expect(escapeOffendingBraces("fine {x} and {{literal}}")).toBeUndefined();
  });
});

describe("Mustache variables", () => {
  it("finds {{name}} and {{ name }} once each, but not the literal-brace runs {{{name}}}", () => {
    expect(mustacheVariables("Hi {{ name }}, about {{topic}}; {{{x}}} and {{name}} again")).toEqual(["name", "topic"]);
    expect(mustacheVariables('JSON like {{"a": 1}} and {single}')).toEqual([]);
  });

  it("converts them to this dialect's {name}", () => {
    const converted = convertMustacheVariables("Hi {{ name }}, about {{topic}}; {{{x}}}");
    expect(converted).toBe("Hi {name}, about {topic}; {{{x}}}");
    expect(parseTemplate(converted)).toEqual({ ok: true, value: { variables: ["name", "topic", "x"] } });
  });
});

describe("continuedText", () => {
  it("takes Mistral's reply, which repeats the prefix, as the whole answer", () => {
    expect(continuedText("Once upon", "Once upon a time")).toBe("Once upon a time");
  });
  it("shows the answer so far while the repeated prefix is still arriving", () => {
    expect(continuedText("Once upon", "Once")).toBe("Once upon");
  });
  it("appends a reply that does not repeat the prefix", () => {
    expect(continuedText("Once upon", " a time")).toBe("Once upon a time");
  });
});

const workspace: Workspace = {
  system: "Be brief.",
  messages: [{ id: "u1", role: "user", content: "Tell me about {topic}" }],
  composer: "",
  parameters: defaultParameters,
  variables: { topic: "cats" },
};

describe("saved prompts keep the composer", () => {
  it("saves the composer's text with its variables, and a blank composer as none", () => {
    expect(savedSnapshotOf({ ...workspace, composer: "And {topic}?" }).composer).toBe("And {topic}?");
    expect(savedSnapshotOf({ ...workspace, composer: "  " })).not.toHaveProperty("composer");
  });

  it("makes a composer change a new version, shown in the diff", () => {
    const first = savePrompt([], { name: "P", snapshot: savedSnapshotOf(workspace), now: 1 });
    if (!first.ok) throw new Error(first.error.message);
    const withComposer = savedSnapshotOf({ ...workspace, composer: "And {topic}?" });
    const second = savePrompt(first.value.library, {
      name: "P",
      snapshot: withComposer,
      now: 2,
      id: first.value.prompt.id,
    });
    if (!second.ok) throw new Error(second.error.message);
    expect(second.value.versionAdded).toBe(true);
    const [v1, v2] = second.value.prompt.versions;
    const diff = diffVersions(v1!.snapshot, v2!.snapshot);
    expect(diff.changed).toBe(true);
    expect(diff.composer.lines).toEqual([{ kind: "added", text: "And {topic}?" }]);
  });

  it("does not count what an answer says of its run as a change", () => {
    const answered = {
      ...workspace,
      messages: [...workspace.messages, { id: "a", role: "assistant" as const, content: "{}" }],
    };
    const run = {
      ...answered,
      messages: [
        ...workspace.messages,
        { id: "b", role: "assistant" as const, content: "{}", responseFormat: schemaFormat, edited: true as const },
      ],
    };
    expect(sameSnapshot(savedSnapshotOf(answered), savedSnapshotOf(run))).toBe(true);
  });
});

describe("migrations", () => {
  it("workspace 2 → 3: run answers get the workspace's response format, typed ones and text formats none", () => {
    const version2 = {
      system: "",
      composer: "",
      messages: [
        { id: "u", role: "user", content: "Who?" },
        { id: "a", role: "assistant", content: '{"name":"Ada"}', metadata: { finishReason: "stop" } },
        { id: "b", role: "assistant", content: "typed by hand" },
      ],
      parameters: { ...defaultParameters, responseFormat: schemaFormat },
      variables: {},
    };
    const migrated = migrateWorkspace(version2, 2);
    expect(migrated.messages[1]).toMatchObject({ id: "a", responseFormat: schemaFormat });
    expect(migrated.messages[2]).not.toHaveProperty("responseFormat");

    const text = migrateWorkspace({ ...version2, parameters: defaultParameters }, 2);
    expect(text.messages[1]).not.toHaveProperty("responseFormat");
  });

  it("workspace 3 keeps each answer's own format, edited and continued marks", () => {
    const current = {
      ...workspace,
      composerAttachments: [],
      messages: [
        ...workspace.messages,
        { id: "a", role: "assistant" as const, content: "{}", responseFormat: schemaFormat, edited: true as const },
        { id: "u2", role: "user" as const, content: "more" },
        { id: "b", role: "assistant" as const, content: "x", metadata: {}, continued: true as const },
      ],
      parameters: { ...defaultParameters, responseFormat: { type: "json_object" as const } },
    };
    expect(migrateWorkspace(current, WORKSPACE_VERSION)).toEqual(current);
  });

  it("prompts 1 → 2: old versions' answers get their format; version 2 keeps the composer", () => {
    const snapshot = {
      system: "",
      messages: [{ id: "a", role: "assistant", content: "{}", metadata: {} }],
      parameters: { ...defaultParameters, responseFormat: { type: "json_object" } },
      variables: {},
    };
    const prompt = (extra: object) => ({
      prompts: [
        {
          id: "p",
          name: "P",
          createdAt: 1,
          updatedAt: 1,
          versions: [{ version: 1, savedAt: 1, snapshot: { ...snapshot, ...extra } }],
        },
      ],
      activeId: "p",
    });
    const old = migratePrompts(prompt({}), 1).prompts[0]?.versions[0]?.snapshot;
    expect(old?.messages[0]).toMatchObject({ responseFormat: { type: "json_object" } });

    const current = migratePrompts(prompt({ composer: "Next {x}" }), 2).prompts[0]?.versions[0]?.snapshot;
    expect(current?.composer).toBe("Next {x}");
    expect(current?.messages[0]).not.toHaveProperty("responseFormat");
  });
});

describe("workspace store", () => {
  beforeEach(() => useWorkspace.setState(initialWorkspace));

  it("marks a run answer as edited when its text changes, and continuing extends it with the new usage", () => {
    const store = useWorkspace.getState();
    store.loadSnapshot({
      ...workspace,
      messages: [
        ...workspace.messages,
        {
          id: "a",
          role: "assistant",
          content: "Once",
          metadata: { usage: { promptTokens: 5, completionTokens: 1, totalTokens: 6 } },
        },
      ],
    });
    store.updateMessageContent("a", "Once upon");
    expect(useWorkspace.getState().messages[1]).toMatchObject({ edited: true });
    expect(continuedAnswerId(useWorkspace.getState())).toBe("a");

    const usage = { promptTokens: 7, completionTokens: 3, totalTokens: 10 };
    store.continueAnswer("a", { content: "Once upon a time", metadata: { usage }, status: "complete" });
    const messages = useWorkspace.getState().messages;
    expect(messages).toHaveLength(2);
    expect(messages[1]).toMatchObject({ id: "a", content: "Once upon a time", continued: true, metadata: { usage } });
    expect(messages[1]).not.toHaveProperty("edited");
  });

  it("gives a failed run's message back to the composer, before what was typed since", () => {
    const store = useWorkspace.getState();
    store.loadSnapshot(workspace);
    store.setComposer("Hello");
    const sentId = store.submitComposer();
    store.setComposer("P.S.");
    store.restoreFailedRun({ sentId, dropped: [] });
    expect(useWorkspace.getState().messages).toEqual(workspace.messages);
    expect(useWorkspace.getState().composer).toBe("Hello\n\nP.S.");
  });

  it("gives back the answer a failed regeneration dropped", () => {
    const store = useWorkspace.getState();
    const answered = {
      ...workspace,
      messages: [...workspace.messages, { id: "a", role: "assistant" as const, content: "Hi" }],
    };
    store.loadSnapshot(answered);
    const dropped = store.dropLastAnswer();
    store.restoreFailedRun({ dropped });
    expect(useWorkspace.getState().messages).toEqual(answered.messages);
  });

  it("loads a saved prompt's composer", () => {
    useWorkspace.getState().loadSnapshot(savedSnapshotOf({ ...workspace, composer: "And {topic}?" }));
    expect(useWorkspace.getState().composer).toBe("And {topic}?");
  });
});
