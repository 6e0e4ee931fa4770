/**
 * The Markdown worker as one JavaScript file, built with the app (next.config.mjs): the production
 * server and the Docker image start it without Node stripping TypeScript in the thread and without
 * the worker's packages on disk, and the thread holds about 30 MB less than when it loads them
 * one module at a time. `next dev` and the tests run lib/render/markdown-worker.ts as it is.
 */
import path from "node:path";

/** The bundle's name inside the build folder; markdown-renderer.ts names the same file. */
export const WORKER_BUNDLE_NAME = "markdown-worker.mjs";

export async function bundleMarkdownWorker(root, outfile) {
  const { build } = await import("esbuild");
  const { metafile } = await build({
    entryPoints: [path.join(root, "lib", "render", "markdown-worker.ts")],
    outfile,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node24",
    minify: true,
    // React's production build only (react-markdown brings it along), as in the server's bundle.
    define: { "process.env.NODE_ENV": '"production"' },
    // Some CommonJS packages `require` Node's modules, which an ES module has no `require` for.
    banner: { js: 'import { createRequire } from "node:module"; const require = createRequire(import.meta.url);' },
    legalComments: "none",
    logLevel: "warning",
    metafile: true,
  });
  // Only Node's own modules may stay outside: the image has no packages for the worker.
  const outside = Object.values(metafile.outputs).flatMap((output) =>
    output.imports.filter((entry) => entry.external).map((entry) => entry.path),
  );
  const packages = outside.filter((specifier) => !specifier.startsWith("node:"));
  if (packages.length > 0) throw new Error(`The Markdown worker's bundle imports ${packages.join(", ")} from outside`);
  return [...new Set(outside)];
}
