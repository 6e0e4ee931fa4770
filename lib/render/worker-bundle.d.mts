/** The name of the worker's bundle inside the build folder. */
export const WORKER_BUNDLE_NAME: string;
/**
 * Bundles lib/render/markdown-worker.ts and everything it imports into `outfile`; resolves to the
 * modules left outside (Node's own), and fails if a package would be.
 */
export function bundleMarkdownWorker(root: string, outfile: string): Promise<string[]>;
