import { describe, expect, it } from "vitest";
import { defaultParameters, type ConversationMessage, type Workspace } from "@/lib/workspace/model";
import { regenerationSnapshot, runnableSnapshot, snapshotOf } from "@/lib/workspace/snapshot";

const conversation: ConversationMessage[] = [
  { id: "u1", role: "user", content: "Hi" },
  { id: "a1", role: "assistant", content: "Hello" },
  { id: "u2", role: "user", content: "Again" },
  { id: "a2", role: "assistant", content: "Hello again" },
];

const workspace: Workspace = {
  system: "Be brief.",
  messages: conversation,
  composer: "",
  parameters: defaultParameters,
  variables: { name: "Ada" },
};

describe("snapshotOf", () => {
  it("is the workspace without its composer", () => {
    expect(snapshotOf({ ...workspace, composer: "draft" })).toEqual({
      system: "Be brief.",
      messages: conversation,
      parameters: defaultParameters,
      variables: { name: "Ada" },
    });
  });
});

describe("runnableSnapshot", () => {
  it("sends the composer's text as the last user message", () => {
    const snapshot = runnableSnapshot({ ...workspace, composer: "And {name}?" });
    expect(snapshot.messages.at(-1)).toEqual({ id: "composer", role: "user", content: "And {name}?" });
    expect(snapshot.messages).toHaveLength(conversation.length + 1);
  });

  it("leaves a blank composer out", () => {
    expect(runnableSnapshot({ ...workspace, composer: " \n " }).messages).toEqual(conversation);
  });
});

describe("regenerationSnapshot", () => {
  it("ends before the last answer and leaves the composer waiting", () => {
    const snapshot = regenerationSnapshot({ ...workspace, composer: "later" });
    expect(snapshot?.messages.map((m) => m.id)).toEqual(["u1", "a1", "u2"]);
  });

  it("is undefined when there is no answer to regenerate", () => {
    expect(regenerationSnapshot({ ...workspace, messages: conversation.slice(0, 1) })).toBeUndefined();
  });
});
