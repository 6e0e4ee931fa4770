import { generateId } from "ai";
import { create } from "zustand";
import { createJSONStorage, persist } from "zustand/middleware";
import {
  defaultParameters,
  type AssistantMessage,
  type ConversationMessage,
  type Parameters,
  type PromptSnapshot,
} from "@/lib/chat/workspace";
import { migrateWorkspace, WORKSPACE_VERSION, type PersistedWorkspace } from "./workspace-migrations";

export type EditableRole = "user" | "assistant";

export type WorkspaceState = {
  system: string;
  messages: ConversationMessage[];
  composer: string;
  parameters: Parameters;
  variables: Record<string, string>;
};

type WorkspaceActions = {
  setSystem: (text: string) => void;
  setComposer: (text: string) => void;
  /** Inserts an empty message at `index` (the end when omitted) and returns its id. */
  insertMessage: (index: number | undefined, role: EditableRole) => string;
  updateMessageContent: (id: string, content: string) => void;
  setMessageRole: (id: string, role: EditableRole) => void;
  deleteMessage: (id: string) => void;
  /** Appends the composer's text as a user message and clears the composer. */
  submitComposer: () => void;
  /** Removes the last assistant answer (and anything after it) so it can be run again. */
  dropLastAnswer: () => void;
  appendAnswer: (answer: Omit<AssistantMessage, "id" | "role">) => string;
  setParameter: <K extends keyof Parameters>(key: K, value: Parameters[K]) => void;
  setVariable: (name: string, value: string) => void;
  loadSnapshot: (snapshot: PromptSnapshot) => void;
  reset: () => void;
};

export const initialWorkspace: WorkspaceState = {
  system: "",
  messages: [],
  composer: "",
  parameters: defaultParameters,
  variables: {},
};

function withRole(message: ConversationMessage, role: EditableRole): ConversationMessage {
  if (message.role === role) return message;
  // Tool calls belong to assistant messages; a role change keeps only the text.
  return { id: message.id, role, content: message.content };
}

export const useWorkspace = create<WorkspaceState & WorkspaceActions>()(
  persist(
    (set) => ({
      ...initialWorkspace,
      setSystem: (system) => set({ system }),
      setComposer: (composer) => set({ composer }),
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
        set((state) => ({ messages: state.messages.map((m) => (m.id === id ? { ...m, content } : m)) })),
      setMessageRole: (id, role) =>
        set((state) => ({ messages: state.messages.map((m) => (m.id === id ? withRole(m, role) : m)) })),
      deleteMessage: (id) => set((state) => ({ messages: state.messages.filter((m) => m.id !== id) })),
      submitComposer: () =>
        set((state) =>
          state.composer.trim() === ""
            ? {}
            : { composer: "", messages: [...state.messages, { id: generateId(), role: "user", content: state.composer }] },
        ),
      dropLastAnswer: () =>
        set((state) => {
          const last = state.messages.findLastIndex((m) => m.role === "assistant");
          return last === -1 ? {} : { messages: state.messages.slice(0, last) };
        }),
      appendAnswer: (answer) => {
        const id = generateId();
        set((state) => ({ messages: [...state.messages, { ...answer, id, role: "assistant" }] }));
        return id;
      },
      setParameter: (key, value) => set((state) => ({ parameters: { ...state.parameters, [key]: value } })),
      setVariable: (name, value) => set((state) => ({ variables: { ...state.variables, [name]: value } })),
      loadSnapshot: (snapshot) => set({ ...snapshot, composer: "" }),
      reset: () => set(initialWorkspace),
    }),
    {
      name: "mistral-playground.workspace",
      version: WORKSPACE_VERSION,
      storage: createJSONStorage(() => localStorage),
      partialize: (state): PersistedWorkspace => ({
        system: state.system,
        messages: state.messages,
        composer: state.composer,
        parameters: state.parameters,
        variables: state.variables,
      }),
      migrate: (persisted, version) => migrateWorkspace(persisted, version),
      // Persisted state is outside input: parse it on the way in as well.
      merge: (persisted, current) => ({ ...current, ...migrateWorkspace(persisted, WORKSPACE_VERSION) }),
    },
  ),
);

/** The workspace as a prompt snapshot (what saved prompts, shares and exports carry). */
export function snapshotOf(state: WorkspaceState): PromptSnapshot {
  return { system: state.system, messages: state.messages, parameters: state.parameters, variables: state.variables };
}
