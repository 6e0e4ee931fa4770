import type { ConversationMessage, PromptSnapshot, SavedSnapshot, Workspace } from "./model";

/** The workspace's prompt without the composer: what saved prompts, shares and exports carry. */
export function snapshotOf(workspace: Workspace): PromptSnapshot {
  const { system, messages, parameters, variables } = workspace;
  return { system, messages, parameters, variables };
}

/**
 * What "Save prompt" keeps: the prompt and the composer's text and attachments when there are
 * any, so the saved prompt holds what Run would send and opening it gives the composer back.
 */
export function savedSnapshotOf(workspace: Workspace): SavedSnapshot {
  const attachments = workspace.composerAttachments ?? [];
  return {
    ...snapshotOf(workspace),
    ...(workspace.composer.trim() !== "" ? { composer: workspace.composer } : {}),
    ...(attachments.length > 0 ? { composerAttachments: attachments } : {}),
  };
}

/**
 * Whether nothing was edited between two snapshots of one workspace. The workspace store replaces
 * what changes, so unchanged parts keep their identity; for equal content across edits, see
 * `sameSnapshot` in `lib/prompts/library.ts`.
 */
export function unchangedSnapshot(before: PromptSnapshot, after: PromptSnapshot): boolean {
  return (
    before.system === after.system &&
    before.messages === after.messages &&
    before.parameters === after.parameters &&
    before.variables === after.variables
  );
}

/** The conversation Run sends: the composer's text and attachments, if any, become the last user message. */
export function runnableMessages(
  workspace: Pick<Workspace, "messages" | "composer" | "composerAttachments">,
): ConversationMessage[] {
  const attachments = workspace.composerAttachments ?? [];
  if (workspace.composer.trim() === "" && attachments.length === 0) return workspace.messages;
  return [
    ...workspace.messages,
    { id: "composer", role: "user", content: workspace.composer, ...(attachments.length > 0 ? { attachments } : {}) },
  ];
}

/** What Run sends: the workspace's prompt with the composer's text, if any, as the last user message. */
export function runnableSnapshot(workspace: Workspace): PromptSnapshot {
  return { ...snapshotOf(workspace), messages: runnableMessages(workspace) };
}

/**
 * What Regenerate sends: the conversation before the last answer (the composer waits). Undefined
 * when there is no answer to regenerate.
 */
export function regenerationSnapshot(workspace: Workspace): PromptSnapshot | undefined {
  const lastAnswer = workspace.messages.findLastIndex((m) => m.role === "assistant");
  if (lastAnswer === -1) return undefined;
  return { ...snapshotOf(workspace), messages: workspace.messages.slice(0, lastAnswer) };
}

/**
 * The id of the answer Run would continue (`prefix: true`): the last message when it is an
 * answer and the composer holds nothing to send.
 */
export function continuedAnswerId(workspace: Workspace): string | undefined {
  const last = workspace.messages.at(-1);
  if (last?.role !== "assistant") return undefined;
  return runnableMessages(workspace).at(-1) === last ? last.id : undefined;
}

/**
 * The text of a continued answer from the answer so far and what the continuation streamed.
 * Mistral's reply to a prefix starts with the prefix itself (its guide slices it off); while
 * the echo is still arriving, the answer so far is all there is to show.
 */
export function continuedText(prefix: string, streamed: string): string {
  if (streamed.startsWith(prefix)) return streamed;
  if (prefix.startsWith(streamed)) return prefix;
  return prefix + streamed;
}
