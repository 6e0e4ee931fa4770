import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { markdownWorkerFiles } from "@/lib/render/worker-files.mjs";

const root = process.cwd();

/** What a module imports at run time: relative modules and package names. */
function imports(file: string): string[] {
  const source = readFileSync(path.join(root, file), "utf8");
  return [...source.matchAll(/^import (?!type )[^;]*? from "([^"]+)";/gm)].map((match) => match[1]!);
}

describe("the files the standalone output keeps for the Markdown worker", () => {
  it("hold every module the worker reaches and every package those import", async () => {
    const files = new Set(await markdownWorkerFiles(root));
    const pending = ["lib/render/markdown-worker.ts"];
    const seen = new Set<string>();
    while (pending.length > 0) {
      const file = pending.pop()!;
      if (seen.has(file)) continue;
      seen.add(file);
      expect(files, file).toContain(`./${file}`);
      for (const specifier of imports(file)) {
        if (specifier.startsWith("node:")) continue;
        if (specifier.startsWith(".")) pending.push(path.join(path.dirname(file), specifier));
        else
          expect(
            [...files].some((listed) => listed.startsWith(`./node_modules/${specifier}/`)),
            specifier,
          ).toBe(true);
      }
    }
    expect(seen.size).toBeGreaterThan(3);
  });

  it("lists files that exist, packages' own dependencies included", async () => {
    const files = await markdownWorkerFiles(root);
    for (const file of files) expect(existsSync(path.join(root, file)), file).toBe(true);
    // remark-parse reads Markdown with micromark, which the worker never imports by name.
    expect(files.some((file) => file.startsWith("./node_modules/micromark/"))).toBe(true);
  });
});
