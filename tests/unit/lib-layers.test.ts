import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

/**
 * `lib/` is layered by area (its first-level folders, or a file directly in it): an area imports
 * only areas below it, so no two areas import each other, directly or round a longer circle.
 * The order is documented in the README's architecture section.
 */

const LIB = path.resolve(__dirname, "../../lib");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith(".d.ts") ? [full] : [];
  });
}

/** The area of a path inside `lib/`: its first segment without the extension. */
function areaOf(file: string): string {
  const [first = ""] = path.relative(LIB, file).split(path.sep);
  return first.replace(/\.tsx?$/, "");
}

/** The `lib/` path an import names, or undefined for a package. */
function resolveImport(from: string, specifier: string): string | undefined {
  if (specifier.startsWith("@/lib/")) return path.join(LIB, specifier.slice("@/lib/".length));
  if (specifier.startsWith(".")) {
    const target = path.resolve(path.dirname(from), specifier);
    return target.startsWith(LIB + path.sep) ? target : undefined;
  }
  return undefined;
}

type Edge = { from: string; to: string; file: string };

function areaEdges(files: readonly string[]): Edge[] {
  return files.flatMap((file) => {
    const { importedFiles } = ts.preProcessFile(readFileSync(file, "utf8"), true, true);
    return importedFiles.flatMap(({ fileName }) => {
      const target = resolveImport(file, fileName);
      if (!target) return [];
      const from = areaOf(file);
      const to = areaOf(target);
      return from === to ? [] : [{ from, to, file: path.relative(LIB, file) }];
    });
  });
}

/** One circle of areas (`a → b → … → a`) if there is any. */
function findCycle(edges: readonly Edge[]): string[] | undefined {
  const next = new Map<string, Set<string>>();
  for (const { from, to } of edges) next.set(from, (next.get(from) ?? new Set()).add(to));
  const done = new Set<string>();
  const path: string[] = [];
  function visit(area: string): string[] | undefined {
    const open = path.indexOf(area);
    if (open !== -1) return [...path.slice(open), area];
    if (done.has(area)) return undefined;
    path.push(area);
    for (const to of next.get(area) ?? []) {
      const cycle = visit(to);
      if (cycle) return cycle;
    }
    path.pop();
    done.add(area);
    return undefined;
  }
  for (const area of next.keys()) {
    const cycle = visit(area);
    if (cycle) return cycle;
  }
  return undefined;
}

function describeCycle(cycle: readonly string[], edges: readonly Edge[]): string {
  const steps = cycle.slice(1).map((to, index) => {
    const from = cycle[index];
    const files = edges.filter((edge) => edge.from === from && edge.to === to).map((edge) => edge.file);
    return `${from} → ${to} (${[...new Set(files)].join(", ")})`;
  });
  return `lib/ areas import each other in a circle:\n${steps.join("\n")}`;
}

describe("lib/ layers", () => {
  const edges = areaEdges(sourceFiles(LIB));

  it("has no circle of areas importing each other", () => {
    const cycle = findCycle(edges);
    expect(cycle && describeCycle(cycle, edges)).toBeUndefined();
  });

  it("keeps the workspace model a leaf", () => {
    expect(edges.filter((edge) => edge.from === "workspace")).toEqual([]);
  });

  it("finds a circle when there is one", () => {
    const circle = [
      { from: "chat", to: "store", file: "chat/a.ts" },
      { from: "store", to: "tools", file: "store/b.ts" },
      { from: "tools", to: "chat", file: "tools/c.ts" },
      { from: "workspace", to: "i18n", file: "workspace/d.ts" },
    ];
    expect(findCycle(circle)).toEqual(["chat", "store", "tools", "chat"]);
    expect(findCycle(circle.slice(1))).toBeUndefined();
  });
});
