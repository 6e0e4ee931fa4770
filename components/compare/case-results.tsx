"use client";

import type { Variant } from "@/lib/compare/variants";
import { useCompare } from "@/lib/store/compare-store";
import { ResultsTable } from "./results-table";

/**
 * The results of the case run, live from the store: the only part that follows each result.
 * Off screen, the browser skips laying out and painting it (`content-visibility: auto`): a case
 * run changes its height with every result, which otherwise repaints the page below it.
 */
export function CaseResults({ variants }: { variants: readonly Variant[] }) {
  const cases = useCompare((s) => s.cases);
  const results = useCompare((s) => s.results);
  return (
    <section className="rounded-lg border border-border bg-surface p-2 [contain-intrinsic-size:auto_40rem] [content-visibility:auto]">
      <ResultsTable cases={cases} variants={variants} results={results} />
    </section>
  );
}
