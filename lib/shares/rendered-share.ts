import "server-only";
import type { PromptSnapshot } from "@/lib/workspace/model";
import { renderMarkdown, type MarkdownPart } from "@/lib/render/markdown-renderer";

/** The rendered Markdown of a share's answers, by message index. */
export type RenderedMarkdown = ReadonlyMap<number, MarkdownPart>;

/** A bound on what the cache holds, estimated from the rendered texts' lengths. */
const MAX_CACHED_BYTES = 64 * 1024 * 1024;
/** A tree takes several times the memory of its text. */
const BYTES_PER_CHAR = 16;
/** How long a page view waits for a share that is still rendering before showing it plain. */
const VIEW_WAIT_MS = 1_000;

const cache = new Map<string, { markdown: RenderedMarkdown; bytes: number }>();
let cachedBytes = 0;
const rendering = new Map<string, Promise<RenderedMarkdown>>();

/**
 * Renders the Markdown of a share's answers once: a share's transcript never changes, so the
 * result is kept (least recently used first out) and every later view reuses it. Called when a
 * share is created and when it is first viewed.
 */
export function prepareShareMarkdown(id: string, snapshot: PromptSnapshot): Promise<RenderedMarkdown> {
  const cached = cache.get(id);
  if (cached) {
    cache.delete(id);
    cache.set(id, cached);
    return Promise.resolve(cached.markdown);
  }
  const pending = rendering.get(id) ?? startRendering(id, snapshot);
  rendering.set(id, pending);
  return pending;
}

function startRendering(id: string, snapshot: PromptSnapshot): Promise<RenderedMarkdown> {
  const answers = snapshot.messages.flatMap((message, index) =>
    message.role === "assistant" && message.content ? [{ index, text: message.content }] : [],
  );
  return renderMarkdown(answers.map((answer) => answer.text))
    .then((parts) => {
      const markdown = new Map(answers.map((answer, i) => [answer.index, parts[i] ?? failed]));
      // A worker that could not start says nothing about the share: try again next time.
      if (!parts.some((part) => !part.ok && part.reason === "failed")) {
        remember(
          id,
          markdown,
          answers.reduce((sum, answer) => sum + answer.text.length * BYTES_PER_CHAR, 1024),
        );
      }
      return markdown;
    })
    .catch((error: unknown) => {
      console.error(`[render] share ${id} could not be rendered: ${error instanceof Error ? error.name : "unknown"}`);
      return new Map(answers.map((answer) => [answer.index, failed]));
    })
    .finally(() => rendering.delete(id));
}

const failed: MarkdownPart = { ok: false, reason: "failed" };

function remember(id: string, markdown: RenderedMarkdown, bytes: number): void {
  if (bytes > MAX_CACHED_BYTES) return;
  forgetShareMarkdown(id);
  cache.set(id, { markdown, bytes });
  cachedBytes += bytes;
  for (const [oldest, entry] of cache) {
    if (cachedBytes <= MAX_CACHED_BYTES) break;
    cache.delete(oldest);
    cachedBytes -= entry.bytes;
  }
}

/**
 * The share's rendered Markdown for a page view, or null when it is still rendering after a
 * short wait (the page then shows the answers as plain text; the rendering goes on for the next view).
 */
export function shareMarkdownForView(id: string, snapshot: PromptSnapshot): Promise<RenderedMarkdown | null> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<null>((resolve) => (timer = setTimeout(resolve, VIEW_WAIT_MS, null)));
  return Promise.race([prepareShareMarkdown(id, snapshot), timeout]).finally(() => clearTimeout(timer));
}

/** Drops a deleted share's rendering, so its content does not outlive it in memory. */
export function forgetShareMarkdown(id: string): void {
  const entry = cache.get(id);
  if (!entry) return;
  cache.delete(id);
  cachedBytes -= entry.bytes;
}
