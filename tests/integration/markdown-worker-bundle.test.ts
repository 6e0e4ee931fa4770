import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Worker } from "node:worker_threads";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bundleMarkdownWorker } from "@/lib/render/worker-bundle.mjs";
import { READY, type RenderedPart } from "@/lib/render/worker-messages";

const dir = mkdtempSync(path.join(tmpdir(), "markdown-worker-bundle-"));
const bundle = path.join(dir, "markdown-worker.mjs");

let outside: string[] = [];
beforeAll(async () => {
  outside = await bundleMarkdownWorker(process.cwd(), bundle);
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("the Markdown worker's bundle (what the production server and the Docker image run)", () => {
  it("needs nothing but Node's own modules", () => {
    expect(outside).toContain("node:worker_threads");
    expect(outside.filter((specifier) => !specifier.startsWith("node:"))).toEqual([]);
  });

  it("starts in a thread from a folder without packages and renders highlighted Markdown", async () => {
    const thread = new Worker(bundle);
    const messages: unknown[] = [];
    let failure: unknown;
    let wake = () => {};
    thread.on("message", (message: unknown) => {
      messages.push(message);
      wake();
    });
    thread.once("error", (error) => {
      failure = error;
      wake();
    });
    const received = async (count: number) => {
      while (messages.length < count && failure === undefined) await new Promise<void>((resolve) => (wake = resolve));
      if (failure !== undefined) throw failure;
    };
    try {
      await received(1);
      expect(messages[0]).toBe(READY);
      thread.postMessage({ job: 7, texts: ["# Title\n\n```python\ndef f():\n    return 1\n```"] });
      await received(2);
      const part = messages[1] as RenderedPart;
      expect(part).toMatchObject({ job: 7, index: 0, result: { ok: true } });
      const tree = JSON.stringify(part.result);
      expect(tree).toContain('"tagName":"h1"');
      expect(tree).toContain("hljs-keyword");
    } finally {
      await thread.terminate();
    }
  }, 60_000);
});
