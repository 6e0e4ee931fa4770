import { create } from "zustand";
import { isRunning } from "@/lib/chat/runner";
import type { PromptSnapshot } from "@/lib/chat/workspace";
import { parseTranscriptJson } from "@/lib/export/transcript-json";
import { format, messages as t } from "@/lib/i18n";
import { latestVersion, restoreVersion, sameSnapshot, type LibraryResult } from "@/lib/prompts/library";
import { findPreset } from "@/lib/prompts/presets";
import { usePrompts } from "./prompts-store";
import { fetchShare } from "./shares-store";
import { useSession } from "./session-store";
import { snapshotOf, useWorkspace, type WorkspaceState } from "./workspace-store";

/**
 * A transcript on its way into the workspace: a JSON file, a share link, a preset or a saved
 * prompt. It replaces the workspace in one step, after asking when that would throw away work.
 * Not persisted.
 */

export type IncomingTranscript = {
  title: string;
  snapshot: PromptSnapshot;
  /** Runs once the snapshot is in the workspace, not when the user keeps their work. */
  onLoaded?: () => void;
};

/** localStorage holds about 5 MB per site; a larger workspace could not be kept anyway. */
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;

type TranscriptImportState = {
  /** Waiting for the user to say whether it may replace their work. */
  pending: IncomingTranscript | null;
  /** Why the last attempt failed, in a sentence for the user. */
  error: string | null;
};

type TranscriptImportActions = {
  /** Opens the transcript now when nothing would be lost, otherwise asks first. */
  offer: (incoming: IncomingTranscript) => void;
  /** Reads and checks a file completely before anything in the workspace changes. */
  importFile: (file: File) => Promise<void>;
  /** Fetches a share for "Open in playground"; nothing happens once `signal` aborts. */
  importShare: (id: string, signal: AbortSignal) => Promise<void>;
  confirm: () => void;
  cancel: () => void;
  fail: (message: string) => void;
  dismissError: () => void;
};

export const useTranscriptImport = create<TranscriptImportState & TranscriptImportActions>()((set, get) => ({
  pending: null,
  error: null,

  offer: (incoming) => {
    if (isRunning()) {
      set({ error: t.transfer.whileRunning, pending: null });
      return;
    }
    const workspace = useWorkspace.getState();
    if (hasUnsavedWork(workspace) && !holds(workspace, incoming.snapshot) && !isSaved(workspace)) {
      set({ pending: incoming, error: null });
      return;
    }
    set({ pending: null, error: null });
    load(incoming);
  },

  importFile: async (file) => {
    if (/\.(md|markdown)$/i.test(file.name)) {
      set({ error: format(t.transfer.markdownFile, { name: file.name }) });
      return;
    }
    if (file.size > MAX_IMPORT_BYTES) {
      set({ error: format(t.transfer.tooLarge, { size: formatSize(file.size), max: formatSize(MAX_IMPORT_BYTES) }) });
      return;
    }
    let text: string;
    try {
      text = await file.text();
    } catch (error) {
      // A file removed or changed on disk after it was picked cannot be read.
      if (!(error instanceof DOMException)) throw error;
      set({ error: format(t.transfer.unreadable, { name: file.name, detail: error.message }) });
      return;
    }
    const parsed = parseTranscriptJson(text);
    if (!parsed.ok) {
      set({ error: parsed.error.message });
      return;
    }
    get().offer({ title: parsed.value.title ?? file.name, snapshot: parsed.value.snapshot });
  },

  importShare: async (id, signal) => {
    let result: Awaited<ReturnType<typeof fetchShare>>;
    try {
      result = await fetchShare(id, signal);
    } catch (error) {
      if (signal.aborted) return;
      throw error;
    }
    if (signal.aborted) return;
    if (!result.ok) {
      set({ error: format(t.transfer.shareGone, { detail: result.error.message }), pending: null });
      return;
    }
    get().offer({ title: result.value.title, snapshot: result.value.snapshot });
  },

  confirm: () => {
    const { pending } = get();
    set({ pending: null });
    if (pending) load(pending);
  },
  cancel: () => set({ pending: null }),
  fail: (message) => set({ error: message, pending: null }),
  dismissError: () => set({ error: null }),
}));

/** Text the user wrote that a replacement would lose. Parameters alone are not worth a question. */
export function hasUnsavedWork(state: WorkspaceState): boolean {
  return state.messages.length > 0 || state.system.trim() !== "" || state.composer.trim() !== "";
}

/** Whether the workspace already is this snapshot, as when one link is opened twice. */
function holds(state: WorkspaceState, snapshot: PromptSnapshot): boolean {
  return state.composer.trim() === "" && JSON.stringify(snapshotOf(state)) === JSON.stringify(snapshot);
}

/** Whether the workspace is, word for word, the latest version of the saved prompt it came from. */
function isSaved(state: WorkspaceState): boolean {
  const { prompts, activeId } = usePrompts.getState();
  const active = prompts.find((prompt) => prompt.id === activeId);
  return (
    active !== undefined &&
    state.composer.trim() === "" &&
    sameSnapshot(latestVersion(active).snapshot, snapshotOf(state))
  );
}

function load({ snapshot, onLoaded }: IncomingTranscript) {
  useWorkspace.getState().loadSnapshot(snapshot);
  // The selected answer belonged to the conversation that was replaced.
  useSession.getState().selectAnswer(null);
  onLoaded?.();
}

/**
 * Opens a saved prompt (its latest version, or `version`) in the workspace, asking first when
 * that would lose work; `onLoaded` runs once it is there.
 */
export function openSavedPrompt(
  id: string,
  { version, onLoaded }: { version?: number; onLoaded?: (opened: { version: number }) => void } = {},
): LibraryResult<{ version: number }> {
  const { prompts } = usePrompts.getState();
  const prompt = prompts.find((candidate) => candidate.id === id);
  const chosen = version ?? (prompt ? latestVersion(prompt).version : 0);
  const restored = restoreVersion(prompts, { id, version: chosen });
  if (!restored.ok) return restored;
  useTranscriptImport.getState().offer({
    title: prompt?.name ?? "",
    snapshot: restored.value,
    onLoaded: () => {
      usePrompts.getState().setActive(id);
      onLoaded?.({ version: chosen });
    },
  });
  return { ok: true, value: { version: chosen } };
}

/** Opens a built-in preset, which is no saved prompt's version, asking first when that would lose work. */
export function openPreset(id: string, onLoaded?: () => void): void {
  const preset = findPreset(id);
  if (!preset) throw new Error(`No preset ${id}`);
  useTranscriptImport.getState().offer({
    title: preset.name,
    snapshot: structuredClone(preset.snapshot),
    onLoaded: () => {
      usePrompts.getState().setActive(null);
      onLoaded?.();
    },
  });
}

function formatSize(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;
}
