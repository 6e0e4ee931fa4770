import type { ConversationMessage, PromptSnapshot, Workspace } from "./model";

/** The workspace's prompt without the composer: what saved prompts, shares and exports carry. */
export function snapshotOf(workspace: Workspace): PromptSnapshot {
  const { system, messages, parameters, variables } = workspace;
  return { system, messages, parameters, variables };
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
