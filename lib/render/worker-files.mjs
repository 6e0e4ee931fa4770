/**
 * The files the Markdown worker needs at run time, for Next's standalone output (the Docker
 * image). Node runs `lib/render/markdown-worker.ts` as TypeScript from disk, so Next's tracer sees
 * that one file and none of its imports: this lists the worker's own modules and traces the
 * packages they import, with the same tracer Next uses. Read by next.config.mjs at build time.
 */
import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import nft from "next/dist/compiled/@vercel/nft/index.js";

export async function markdownWorkerFiles(root) {
  const dir = path.join(root, "lib", "render");
  const modules = readdirSync(dir).filter((name) => name.endsWith(".ts") && !name.endsWith(".test.ts"));
  const packages = new Set();
  for (const name of modules) {
    const source = readFileSync(path.join(dir, name), "utf8");
    for (const [, specifier] of source.matchAll(/^import (?!type )[^;]*? from "([^".][^"]*)";/gm)) {
      if (!specifier.startsWith("node:")) packages.add(specifier);
    }
  }
  const require = createRequire(path.join(dir, "markdown-worker.ts"));
  const entries = [...packages].map((specifier) => require.resolve(specifier));
  const { fileList } = await nft.nodeFileTrace(entries, { base: root });
  return [...modules.map((name) => path.join("lib", "render", name)), ...fileList].map((file) => `./${file}`);
}
