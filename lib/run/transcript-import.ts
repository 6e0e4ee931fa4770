import { parseTranscriptJson } from "@/lib/export/transcript-json";
import { parseTranscriptMarkdown } from "@/lib/export/transcript-markdown-import";
import { t } from "@/lib/i18n";
import { latestVersion, restoreVersion, type LibraryResult } from "@/lib/prompts/library";
import { findPreset } from "@/lib/prompts/presets";
import { usePrompts } from "@/lib/store/prompts-store";
import { fetchShare } from "@/lib/shares/client";
import { useWorkspaceReplacement } from "@/lib/store/workspace-replacement-store";
import { replaceWorkspace, type ReplacementAnswer } from "./workspace-replacement";

/**
 * Ways a transcript comes into the workspace: a JSON or Markdown file, a share link, a preset or
 * a saved prompt. Each replaces the workspace in one step (`replaceWorkspace`), after asking when
 * that would throw away work, and never while an answer streams.
 */

/** localStorage holds about 5 MB per site; a larger workspace could not be kept anyway. */
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;

function fail(message: string): void {
  useWorkspaceReplacement.getState().fail(message);
}

/** Reads and checks a file completely before anything in the workspace changes. */
export async function importTranscriptFile(file: File): Promise<void> {
  if (file.size > MAX_IMPORT_BYTES) {
    fail(t("transfer.tooLarge", { size: formatSize(file.size), max: formatSize(MAX_IMPORT_BYTES) }));
    return;
  }
  let text: string;
  try {
    text = await file.text();
  } catch (error) {
    // A file removed or changed on disk after it was picked cannot be read.
    if (!(error instanceof DOMException)) throw error;
    fail(t("transfer.unreadable", { name: file.name, detail: error.message }));
    return;
  }
  const parsed = isMarkdown(file, text) ? parseTranscriptMarkdown(text) : parseTranscriptJson(text);
  if (!parsed.ok) {
    fail(parsed.error.message);
    return;
  }
  void replaceWorkspace({ title: parsed.value.title ?? file.name, snapshot: parsed.value.snapshot });
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
    fail(t("transfer.shareGone", { detail: result.error.message }));
    return;
  }
  void replaceWorkspace({ title: result.value.title, snapshot: result.value.snapshot });
}

/**
 * Opens a saved prompt (its latest version, or `version`) in the workspace, asking first when
 * that would lose work; `replaced` says how the user answered.
 */
export function openSavedPrompt(
  id: string,
  version?: number,
): LibraryResult<{ version: number; replaced: Promise<ReplacementAnswer> }> {
  const { prompts } = usePrompts.getState();
  const prompt = prompts.find((candidate) => candidate.id === id);
  const chosen = version ?? (prompt ? latestVersion(prompt).version : 0);
  const restored = restoreVersion(prompts, { id, version: chosen });
  if (!restored.ok) return restored;
  const replaced = replaceWorkspace({ title: prompt?.name ?? "", snapshot: restored.value, activePrompt: id });
  return { ok: true, value: { version: chosen, replaced } };
}

/** Opens a built-in preset, which is no saved prompt's version, asking first when that would lose work. */
export function openPreset(id: string): Promise<ReplacementAnswer> {
  const preset = findPreset(id);
  if (!preset) throw new Error(`No preset ${id}`);
  return replaceWorkspace({ title: preset.name, snapshot: structuredClone(preset.snapshot), activePrompt: null });
}

/** Markdown by its name, type or title line (a renamed export); anything else is read as the JSON transcript. */
function isMarkdown(file: File, text: string): boolean {
  return /\.(md|markdown)$/i.test(file.name) || file.type === "text/markdown" || text.trimStart().startsWith("# ");
}

function formatSize(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;
}
