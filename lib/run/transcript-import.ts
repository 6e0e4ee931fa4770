import { parseTranscriptJson } from "@/lib/export/transcript-json";
import { parseTranscriptMarkdown } from "@/lib/export/transcript-markdown-import";
import { format, messages as t } from "@/lib/i18n";
import { latestVersion, restoreVersion, type LibraryResult } from "@/lib/prompts/library";
import { findPreset } from "@/lib/prompts/presets";
import { usePrompts } from "@/lib/store/prompts-store";
import { fetchShare } from "@/lib/shares/client";
import { useTranscriptImport, type IncomingTranscript } from "@/lib/store/transcript-import-store";
import { isRunning } from "./workspace-run";

/**
 * Ways a transcript comes into the workspace: a JSON file, a share link, a preset or a saved
 * prompt. Each replaces the workspace in one step, after asking when that would throw away work,
 * and never while an answer streams.
 */

/** localStorage holds about 5 MB per site; a larger workspace could not be kept anyway. */
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;

/** Opens the transcript now when nothing would be lost, otherwise asks first. */
export function offerTranscript(incoming: IncomingTranscript): void {
  if (isRunning()) {
    useTranscriptImport.getState().fail(t.transfer.whileRunning);
    return;
  }
  useTranscriptImport.getState().replaceOrAsk(incoming);
}

/** Reads and checks a file completely before anything in the workspace changes. */
export async function importTranscriptFile(file: File): Promise<void> {
  if (file.size > MAX_IMPORT_BYTES) {
    useTranscriptImport.setState({
      error: format(t.transfer.tooLarge, { size: formatSize(file.size), max: formatSize(MAX_IMPORT_BYTES) }),
    });
    return;
  }
  let text: string;
  try {
    text = await file.text();
  } catch (error) {
    // A file removed or changed on disk after it was picked cannot be read.
    if (!(error instanceof DOMException)) throw error;
    useTranscriptImport.setState({ error: format(t.transfer.unreadable, { name: file.name, detail: error.message }) });
    return;
  }
  const parsed = isMarkdown(file) ? parseTranscriptMarkdown(text) : parseTranscriptJson(text);
  if (!parsed.ok) {
    useTranscriptImport.setState({ error: parsed.error.message });
    return;
  }
  offerTranscript({ title: parsed.value.title ?? file.name, snapshot: parsed.value.snapshot });
}

/** Fetches a share for "Open in playground"; nothing happens once `signal` aborts. */
export async function importShare(id: string, signal: AbortSignal): Promise<void> {
  let result: Awaited<ReturnType<typeof fetchShare>>;
  try {
    result = await fetchShare(id, signal);
  } catch (error) {
    if (signal.aborted) return;
    throw error;
  }
  if (signal.aborted) return;
  if (!result.ok) {
    useTranscriptImport.setState({
      error: format(t.transfer.shareGone, { detail: result.error.message }),
      pending: null,
    });
    return;
  }
  offerTranscript({ title: result.value.title, snapshot: result.value.snapshot });
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
  offerTranscript({
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
  offerTranscript({
    title: preset.name,
    snapshot: structuredClone(preset.snapshot),
    onLoaded: () => {
      usePrompts.getState().setActive(null);
      onLoaded?.();
    },
  });
}

/** Markdown by its name or type; anything else is read as the JSON transcript. */
function isMarkdown(file: File): boolean {
  return /\.(md|markdown)$/i.test(file.name) || file.type === "text/markdown";
}

function formatSize(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;
}
