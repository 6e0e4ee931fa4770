import { z } from "zod";
import { MAX_CASES, testCaseSchema } from "./cases";
import { judgeSettingsSchema } from "./judge";
import { variantSnapshot, type PromptSnapshot } from "./request";
import { caseResultSchema } from "./results";
import { MAX_VARIANTS, variantSchema, type Variant } from "./variants";

/** A shared or exported comparison is at most this large as JSON, well under a share's body cap. */
export const MAX_COMPARISON_BYTES = 512 * 1024;

/** Variants, their answers, the test cases and their results: what a share or an export carries. */
export const comparisonSchema = z
  .object({
    variants: z.array(variantSchema).min(1).max(MAX_VARIANTS),
    userMessage: z.string(),
    values: z.record(z.string(), z.string()),
    answers: z.record(z.string(), caseResultSchema),
    cases: z.array(testCaseSchema).max(MAX_CASES),
    results: z.record(z.string(), z.record(z.string(), caseResultSchema)),
    /** Absent in comparisons made before the judge existed. */
    judge: judgeSettingsSchema.optional(),
  })
  .superRefine((comparison, ctx) => {
    const bytes = new TextEncoder().encode(JSON.stringify(comparison)).length;
    if (bytes > MAX_COMPARISON_BYTES) {
      ctx.addIssue({
        code: "custom",
        message: `is ${Math.ceil(bytes / 1024)} KiB; a comparison may take at most ${MAX_COMPARISON_BYTES / 1024} KiB (fewer cases or shorter answers)`,
      });
    }
  });
export type Comparison = z.infer<typeof comparisonSchema>;

export const COMPARISON_FORMAT = "mistral-playground.comparison";

/** The JSON export of a comparison, versioned like the transcript export. */
export function comparisonToJson(comparison: Comparison): string {
  return `${JSON.stringify({ format: COMPARISON_FORMAT, version: 1, ...comparison }, null, 2)}\n`;
}

/**
 * What a share of a comparison stores: the first variant as an ordinary prompt snapshot (so the
 * share opens in the playground like any other), with the whole comparison beside it.
 */
export function comparisonShareSnapshot(comparison: Comparison): PromptSnapshot & { comparison: Comparison } {
  const first = comparison.variants[0] as Variant;
  return { ...variantSnapshot(first, comparison.userMessage, comparison.values), comparison };
}
