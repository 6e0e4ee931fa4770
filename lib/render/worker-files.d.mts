/** The Markdown worker's modules and the files of the packages they import, as `./`-relative paths. */
export function markdownWorkerFiles(root: string): Promise<string[]>;
