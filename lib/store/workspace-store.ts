import { generateId } from "ai";
import { create } from "zustand";
import { persist } from "zustand/middleware";
import {
  defaultParameters,
  type Attachment,
  type ConversationMessage,
  type FinishedAnswer,
  type Parameters,
  type SavedSnapshot,
  type ToolCall,
  type ToolDefinition,
  type Workspace,
} from "@/lib/workspace/model";
import {
  addToolCall,
  removeToolCall,
  toolResultsFor,
  updateToolCall,
  withKind,
  type MessageKind,
} from "@/lib/tools/conversation";
import { newToolDefinition, removeTool, updateTool } from "@/lib/tools/definitions";
import { continuedText } from "@/lib/workspace/snapshot";
import { imageAwareStorage } from "./image-storage";
import { migrateWorkspace, WORKSPACE_VERSION } from "./workspace-migrations";
import { persistOptions } from "./persist-options";

export type EditableRole = "user" | "assistant";

export type WorkspaceState = Workspace & { composerAttachments: Attachment[] };

type WorkspaceActions = {
  setSystem: (text: string) => void;
  setComposer: (text: string) => void;
  addComposerAttachments: (attachments: Attachment[]) => void;
  removeComposerAttachment: (id: string) => void;
  addMessageAttachments: (messageId: string, attachments: Attachment[]) => void;
  removeMessageAttachment: (messageId: string, attachmentId: string) => void;
  /** Inserts an empty message at `index` (the end when omitted) and returns its id. */
  insertMessage: (index: number | undefined, role: EditableRole) => string;
  updateMessageContent: (id: string, content: string) => void;
  /** User, assistant, assistant with tool calls, or tool result. */
  setMessageKind: (id: string, kind: MessageKind) => void;
  deleteMessage: (id: string) => void;
  /** Appends the composer's text as a user message, clears the composer and returns the message's id. */
  submitComposer: () => string | undefined;
  /** Removes the last assistant answer (and anything after it) so it can be run again; returns what it removed. */
  dropLastAnswer: () => ConversationMessage[];
  /** Appends the answer and, for each tool call in it, a tool message awaiting its result. */
  appendAnswer: (answer: FinishedAnswer) => string;
  /**
   * Extends the answer `id` with its continuation (a run with `prefix: true`); the metadata becomes
   * the continuation's. Appends the answer instead when `id` is no longer the last message.
   */
  continueAnswer: (id: string, continuation: FinishedAnswer) => void;
  /**
   * After a run that brought no answer: the user message it sent (`sentId`) goes back to the
   * composer, before any text typed since, and the answers a regeneration dropped come back.
   */
  restoreFailedRun: (failed: { sentId?: string; dropped: ConversationMessage[] }) => void;
  addToolCall: (messageId: string) => void;
  updateToolCall: (messageId: string, callId: string, patch: Partial<Pick<ToolCall, "name" | "arguments">>) => void;
  removeToolCall: (messageId: string, callId: string) => void;
  /** Makes the tool message `messageId` answer the call `call`. */
  answerToolCall: (messageId: string, call: ToolCall) => void;
  addTool: () => void;
  updateTool: (index: number, patch: Partial<ToolDefinition>) => void;
  removeTool: (index: number) => void;
  setParameter: <K extends keyof Parameters>(key: K, value: Parameters[K]) => void;
  setVariable: (name: string, value: string) => void;
  /** Loads a prompt; a saved prompt's composer comes back with it. */
  loadSnapshot: (snapshot: SavedSnapshot) => void;
  reset: () => void;
};

export const initialWorkspace: WorkspaceState = {
  system: "",
  messages: [],
  composer: "",
  composerAttachments: [],
  parameters: defaultParameters,
  variables: {},
};

export const useWorkspace = create<WorkspaceState & WorkspaceActions>()(
  persist(
    (set, get) => ({
      ...initialWorkspace,
      setSystem: (system) => set({ system }),
      setComposer: (composer) => set({ composer }),
      addComposerAttachments: (attachments) =>
        set((state) => ({ composerAttachments: [...state.composerAttachments, ...attachments] })),
      removeComposerAttachment: (id) =>
        set((state) => ({ composerAttachments: state.composerAttachments.filter((a) => a.id !== id) })),
      addMessageAttachments: (messageId, attachments) =>
        set((state) => ({
          messages: state.messages.map((m) =>
            m.id === messageId && m.role === "user"
              ? { ...m, attachments: [...(m.attachments ?? []), ...attachments] }
              : m,
          ),
        })),
      removeMessageAttachment: (messageId, attachmentId) =>
        set((state) => ({
          messages: state.messages.map((m): ConversationMessage => {
            if (m.id !== messageId || m.role !== "user") return m;
            const attachments = (m.attachments ?? []).filter((a) => a.id !== attachmentId);
            return { ...m, attachments };
          }),
        })),
      insertMessage: (index, role) => {
        const id = generateId();
        set((state) => {
          const messages = [...state.messages];
          messages.splice(index ?? messages.length, 0, { id, role, content: "" });
          return { messages };
        });
        return id;
      },
      updateMessageContent: (id, content) =>
        set((state) => ({
          messages: state.messages.map((m) => {
            if (m.id !== id) return m;
            // The usage of a run describes the text it produced, not this one.
            return m.role === "assistant" && m.metadata ? { ...m, content, edited: true } : { ...m, content };
          }),
        })),
      setMessageKind: (id, kind) =>
        set((state) => ({
          messages: state.messages.map((m, index) =>
            m.id === id ? (withKind(state.messages, index, kind, state.parameters.tools) ?? m) : m,
          ),
        })),
      deleteMessage: (id) => set((state) => ({ messages: state.messages.filter((m) => m.id !== id) })),
      submitComposer: () => {
        const { composer, composerAttachments, messages } = get();
        if (composer.trim() === "" && composerAttachments.length === 0) return undefined;
        const id = generateId();
        set({
          composer: "",
          composerAttachments: [],
          messages: [
            ...messages,
            {
              id,
              role: "user",
              content: composer,
              ...(composerAttachments.length > 0 ? { attachments: composerAttachments } : {}),
            },
          ],
        });
        return id;
      },
      dropLastAnswer: () => {
        const { messages } = get();
        const last = messages.findLastIndex((m) => m.role === "assistant");
        if (last === -1) return [];
        set({ messages: messages.slice(0, last) });
        return messages.slice(last);
      },
      appendAnswer: (answer) => {
        const id = generateId();
        set((state) => ({
          messages: [
            ...state.messages,
            { ...answer, id, role: "assistant" },
            ...toolResultsFor(answer.toolCalls ?? [], state.parameters.tools, generateId),
          ],
        }));
        return id;
      },
      continueAnswer: (id, continuation) => {
        const { messages, parameters, appendAnswer } = get();
        const last = messages.at(-1);
        if (last?.id !== id || last.role !== "assistant") {
          appendAnswer(continuation);
          return;
        }
        const { edited: _edited, ...answer } = last;
        const continued: ConversationMessage = {
          ...answer,
          ...continuation,
          id,
          role: "assistant",
          content: continuedText(last.content, continuation.content),
          ...(last.reasoning || continuation.reasoning
            ? { reasoning: (last.reasoning ?? "") + (continuation.reasoning ?? "") }
            : {}),
          continued: true,
        };
        set({
          messages: [
            ...messages.slice(0, -1),
            continued,
            ...toolResultsFor(continuation.toolCalls ?? [], parameters.tools, generateId),
          ],
        });
      },
      restoreFailedRun: ({ sentId, dropped }) =>
        set((state) => {
          const sent = state.messages.at(-1);
          if (sentId !== undefined && sent?.id === sentId && sent.role === "user") {
            const typedSince = state.composer.trim() === "" ? "" : state.composer;
            return {
              messages: state.messages.slice(0, -1),
              composer: typedSince ? `${sent.content}\n\n${typedSince}` : sent.content,
              composerAttachments: [...(sent.attachments ?? []), ...state.composerAttachments],
            };
          }
          return dropped.length > 0 ? { messages: [...state.messages, ...dropped] } : {};
        }),
      addToolCall: (messageId) =>
        set((state) => ({ messages: addToolCall(state.messages, messageId, state.parameters.tools) })),
      updateToolCall: (messageId, callId, patch) =>
        set((state) => ({ messages: updateToolCall(state.messages, messageId, callId, patch) })),
      removeToolCall: (messageId, callId) =>
        set((state) => ({ messages: removeToolCall(state.messages, messageId, callId) })),
      answerToolCall: (messageId, call) =>
        set((state) => ({
          messages: state.messages.map((m) =>
            m.id === messageId && m.role === "tool" ? { ...m, toolCallId: call.id, name: call.name } : m,
          ),
        })),
      addTool: () =>
        set((state) => ({
          parameters: {
            ...state.parameters,
            tools: [...state.parameters.tools, newToolDefinition(state.parameters.tools)],
          },
        })),
      updateTool: (index, patch) =>
        set((state) => ({ parameters: { ...state.parameters, ...updateTool(state.parameters, index, patch) } })),
      removeTool: (index) =>
        set((state) => ({ parameters: { ...state.parameters, ...removeTool(state.parameters, index) } })),
      setParameter: (key, value) => set((state) => ({ parameters: { ...state.parameters, [key]: value } })),
      setVariable: (name, value) => set((state) => ({ variables: { ...state.variables, [name]: value } })),
      loadSnapshot: ({ composer = "", composerAttachments = [], ...snapshot }) =>
        set({ ...snapshot, composer, composerAttachments }),
      reset: () => set(initialWorkspace),
    }),
    persistOptions({
      key: "workspace",
      version: WORKSPACE_VERSION,
      storage: imageAwareStorage,
      whenIdle: true,
      partialize: (state): Workspace => ({
        system: state.system,
        messages: state.messages,
        composer: state.composer,
        ...(state.composerAttachments.length > 0 ? { composerAttachments: state.composerAttachments } : {}),
        parameters: state.parameters,
        variables: state.variables,
      }),
      migrate: migrateWorkspace,
    }),
  ),
);
