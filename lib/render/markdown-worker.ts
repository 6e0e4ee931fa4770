/**
 * Renders Markdown to hast trees in a worker thread, so a share that takes long to parse never
 * stalls the server's event loop; the host (markdown-renderer.ts) ends it when its budget is spent.
 * `next dev` and the tests run this file as TypeScript (Node strips the types), hence the relative
 * imports with their extensions; production runs its bundle (worker-bundle.mjs).
 */
import { parentPort } from "node:worker_threads";
import { markdownToTree, type MarkdownTreeResult } from "./markdown-pipeline.ts";
import { READY, type RenderedPart, type RenderJob } from "./worker-messages.ts";

parentPort?.on("message", ({ job, texts }: RenderJob) => {
  texts.forEach((text, index) => {
    let result: MarkdownTreeResult;
    try {
      result = markdownToTree(text);
    } catch (error) {
      console.error(`[render] a Markdown part failed to render: ${error instanceof Error ? error.name : "unknown"}`);
      result = { ok: false, reason: "failed" };
    }
    parentPort?.postMessage({ job, index, result } satisfies RenderedPart);
  });
});

// One render before taking jobs: the first parse in a fresh thread is several times slower (code
// not yet optimised), and it should not count against a share's budget.
markdownToTree(
  "# Warm-up\n\nSome *emphasis*, a [link](https://mistral.ai) and a list:\n\n- one\n- two\n\n| a | b |\n| - | - |\n| 1 | 2 |\n\n```js\nconst answer = 42;\n```\n\n```\nplain = True\n```",
);
parentPort?.postMessage(READY);
