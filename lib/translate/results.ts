import { z } from "zod";
import { errorCodes } from "@/lib/http/errors";
import { assistantMessageSchema } from "@/lib/workspace/model";

/** How one language of a run ended, with what arrived (a stopped or cut answer keeps its text). */
export const translationOutcomeSchema = z.object({
  status: z.enum(["done", "stopped", "failed"]),
  answer: assistantMessageSchema.omit({ id: true, role: true }).optional(),
  failure: z.object({ code: z.enum([...errorCodes, "network"]), message: z.string() }).optional(),
});
export type TranslationOutcome = z.infer<typeof translationOutcomeSchema>;

/** The last run: its languages in the order they were chosen, and each one's outcome once it ended. */
export const translationResultsSchema = z.object({
  languages: z.array(z.string()),
  outcomes: z.record(z.string(), translationOutcomeSchema),
  /** From Translate until its last language ended; null while it runs. */
  wallTimeMs: z.number().nonnegative().nullable(),
});
export type TranslationResults = z.infer<typeof translationResultsSchema>;

export const noResults: TranslationResults = { languages: [], outcomes: {}, wallTimeMs: null };

/**
 * The results as a reload finds them: a language still streaming when the page went away lost its
 * request, so it is kept as stopped, with nothing arrived.
 */
export function settledResults(results: TranslationResults): TranslationResults {
  const open = results.languages.filter((code) => !results.outcomes[code]);
  if (open.length === 0) return results;
  const stopped = Object.fromEntries(open.map((code) => [code, { status: "stopped" as const }]));
  return { ...results, outcomes: { ...results.outcomes, ...stopped } };
}

export type OutcomeCounts = { done: number; stopped: number; failed: number; running: number };

/** How many languages of the run ended which way; the others are still running. */
export function countOutcomes({ languages, outcomes }: TranslationResults): OutcomeCounts {
  const counts: OutcomeCounts = { done: 0, stopped: 0, failed: 0, running: 0 };
  for (const code of languages) counts[outcomes[code]?.status ?? "running"] += 1;
  return counts;
}
