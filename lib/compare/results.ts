import Papa from "papaparse";
import { z } from "zod";
import { addUsage, noUsage, type UsageSum } from "@/lib/mistral/usage-sum";
import { answerMetadataSchema } from "./request";

export const verdictSchema = z.object({ pass: z.boolean(), reason: z.string() });

/** The judge's grading of one answer: its verdict, or why there is none; its own usage. */
export const judgeResultSchema = z.object({
  status: z.enum(["done", "failed", "stopped"]),
  verdict: verdictSchema.optional(),
  error: z.string().optional(),
  metadata: answerMetadataSchema.optional(),
});
export type JudgeResult = z.infer<typeof judgeResultSchema>;

/** What one case gave on one variant. */
export const caseResultSchema = z.object({
  /** `skipped`: never sent (the reason is in `error`); `stopped`: Stop came first. */
  status: z.enum(["done", "failed", "skipped", "stopped"]),
  content: z.string(),
  metadata: answerMetadataSchema.optional(),
  verdict: verdictSchema.optional(),
  error: z.string().optional(),
  judge: judgeResultSchema.optional(),
});
export type CaseResult = z.infer<typeof caseResultSchema>;

/** Results by case id, then by variant id. */
export type ResultTable = Record<string, Record<string, CaseResult>>;

export type VariantSummary = UsageSum & {
  passed: number;
  checked: number;
  answered: number;
  medianLatencyMs: number | undefined;
  p95LatencyMs: number | undefined;
  /** The judge's verdicts and its own tokens and cost, never added to the variant's. */
  judge: UsageSum & { passed: number; checked: number; failed: number; count: number };
};

/** The `q`-quantile by the nearest-rank method: always one of the measured values. */
export function quantile(values: readonly number[], q: number): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil(q * sorted.length));
  return sorted[rank - 1];
}

/** Pass rate, tokens, cost and latency of one variant over its results. */
export function summarizeVariant(results: readonly (CaseResult | undefined)[]): VariantSummary {
  let usage = noUsage;
  let judge = { ...noUsage, passed: 0, checked: 0, failed: 0, count: 0 };
  let passed = 0;
  let checked = 0;
  let answered = 0;
  const latencies: number[] = [];
  for (const result of results) {
    if (!result) continue;
    if (result.verdict) {
      checked += 1;
      if (result.verdict.pass) passed += 1;
    }
    if (result.status === "done") answered += 1;
    const metadata = result.metadata;
    if (metadata?.durationMs !== undefined && result.status === "done") latencies.push(metadata.durationMs);
    if (metadata?.usage) usage = addUsage(usage, metadata.usage, metadata.model);
    if (result.judge) judge = addJudgement(judge, result.judge);
  }
  return {
    passed,
    checked,
    answered,
    ...usage,
    medianLatencyMs: quantile(latencies, 0.5),
    p95LatencyMs: quantile(latencies, 0.95),
    judge,
  };
}

function addJudgement(sum: VariantSummary["judge"], result: JudgeResult): VariantSummary["judge"] {
  const metadata = result.metadata;
  const usage = metadata?.usage ? addUsage(sum, metadata.usage, metadata.model) : sum;
  const verdict = result.verdict;
  return {
    ...usage,
    passed: sum.passed + (verdict?.pass ? 1 : 0),
    checked: sum.checked + (verdict ? 1 : 0),
    failed: sum.failed + (result.status === "failed" ? 1 : 0),
    count: sum.count + 1,
  };
}

/** Whether a result needs another run: it failed, its check or its judge said fail, or the judge failed. */
export function isFailedResult(result: CaseResult): boolean {
  return (
    result.status === "failed" ||
    result.verdict?.pass === false ||
    result.judge?.status === "failed" ||
    result.judge?.verdict?.pass === false
  );
}

/** `3/4 · 75%`, or null when nothing was checked. */
export function passRateLabel(summary: Pick<VariantSummary, "passed" | "checked">): string | null {
  if (summary.checked === 0) return null;
  return `${summary.passed}/${summary.checked} · ${Math.round((summary.passed / summary.checked) * 100)}%`;
}

type Named = { id: string; name: string };

/** One row per case and variant, for a spreadsheet. */
export function resultsToCsv(input: {
  cases: readonly { id: string; values: Record<string, string>; expected: string }[];
  variables: readonly string[];
  variants: readonly Named[];
  results: ResultTable;
}): string {
  const fields = [
    "case",
    ...input.variables,
    "expected",
    "variant",
    "status",
    "pass",
    "reason",
    "answer",
    "prompt_tokens",
    "completion_tokens",
    "latency_ms",
    "judge_pass",
    "judge_reason",
    "judge_prompt_tokens",
    "judge_completion_tokens",
  ];
  const data = input.cases.flatMap((testCase, index) =>
    input.variants.map((variant) => {
      const result = input.results[testCase.id]?.[variant.id];
      const usage = result?.metadata?.usage;
      return [
        index + 1,
        ...input.variables.map((name) => testCase.values[name] ?? ""),
        testCase.expected,
        variant.name,
        result?.status ?? "missing",
        result?.verdict ? String(result.verdict.pass) : "",
        result?.verdict?.reason ?? result?.error ?? "",
        result?.content ?? "",
        usage?.promptTokens ?? "",
        usage?.completionTokens ?? "",
        result?.metadata?.durationMs !== undefined ? Math.round(result.metadata.durationMs) : "",
        ...judgeColumns(result?.judge),
      ];
    }),
  );
  return `${Papa.unparse({ fields, data })}\n`;
}

function judgeColumns(judge: JudgeResult | undefined): (string | number)[] {
  const usage = judge?.metadata?.usage;
  return [
    judge?.verdict ? String(judge.verdict.pass) : "",
    judge?.verdict?.reason ?? judge?.error ?? "",
    usage?.promptTokens ?? "",
    usage?.completionTokens ?? "",
  ];
}

/**
 * Below this much streaming, a rate says nothing: an answer that arrives in one network read
 * "streams" in a fraction of a millisecond, which would read as thousands of tokens a second.
 */
const MIN_RATE_MS = 100;

/** Output tokens per second of streaming, from the first token to the end, when it lasted long enough to tell. */
export function tokensPerSecond(metadata: {
  usage?: { completionTokens: number };
  timeToFirstTokenMs?: number;
  durationMs?: number;
}): number | undefined {
  const { usage, durationMs, timeToFirstTokenMs = 0 } = metadata;
  if (!usage || durationMs === undefined) return undefined;
  const streamingMs = durationMs - timeToFirstTokenMs;
  return streamingMs >= MIN_RATE_MS ? (usage.completionTokens / streamingMs) * 1000 : undefined;
}
