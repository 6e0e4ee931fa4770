import { existsSync, readFileSync, writeFileSync } from "node:fs";

/**
 * Writes `lines` into the Markdown file at `path` between the `start` and `end` comments, in
 * place of what stood there, or at the end when the file has no such section yet.
 */
export function writeSection(path: string, start: string, end: string, lines: readonly string[]): void {
  const section = [start, ...lines, end].join("\n");
  const current = existsSync(path) ? readFileSync(path, "utf8") : "# Benchmarks\n";
  const from = current.indexOf(start);
  const to = current.indexOf(end);
  const next =
    from >= 0 && to > from
      ? current.slice(0, from) + section + current.slice(to + end.length)
      : `${current.trimEnd()}\n\n${section}\n`;
  writeFileSync(path, next);
}
