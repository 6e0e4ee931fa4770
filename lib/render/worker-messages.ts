import type { MarkdownTreeResult } from "./markdown-pipeline.ts";

/** What the Markdown worker posts once it can take jobs. */
export const READY = "ready";

/** Markdown texts to render, in order. */
export interface RenderJob {
  job: number;
  texts: string[];
}

/** One text of a job, rendered; posted as soon as it is done. */
export interface RenderedPart {
  job: number;
  index: number;
  result: MarkdownTreeResult;
}
