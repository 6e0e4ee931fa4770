import { describe, expect, it } from "vitest";
import {
  JUDGE_SCHEMA_NAME,
  buildJudgeRequest,
  defaultJudge,
  judgeVerdictJsonSchema,
  parseJudgeVerdict,
} from "@/lib/compare/judge";
import { buildVariantRequest, defaultParameters, type ChatRequest } from "@/lib/compare/request";
import {
  isFailedResult,
  passRateLabel,
  resultsToCsv,
  summarizeVariant,
  type CaseResult,
  type JudgeResult,
} from "@/lib/compare/results";

const judge = { ...defaultJudge, enabled: true, rubric: 'The answer is in French and says "bonjour".' };

function variantRequest(question: string): ChatRequest {
  const built = buildVariantRequest(
    { system: "Be brief.", messages: [], parameters: defaultParameters },
    "Greet {name}",
    { name: question },
  );
  if (!built.ok) throw new Error(built.error);
  return built.value;
}

describe("the judge's request", () => {
  it("asks the judge model for strict structured output, with the rubric, question, expectation and answer", () => {
    const built = buildJudgeRequest(judge, {
      request: variantRequest("Marie"),
      expected: "Bonjour Marie",
      answer: "Bonjour, Marie !",
    });
    expect(built.ok).toBe(true);
    if (!built.ok) return;
    const { messages, parameters } = built.value;
    expect(parameters.model).toBe(defaultJudge.model);
    expect(parameters.temperature).toBe(0);
    expect(parameters.responseFormat).toEqual({
      type: "json_schema",
      name: JUDGE_SCHEMA_NAME,
      strict: true,
      schema: judgeVerdictJsonSchema,
    });
    expect(messages[0]).toMatchObject({ role: "system" });
    expect(messages[0]?.content).toContain(`Rubric:\n${judge.rubric}`);
    expect(messages[1]).toEqual({
      role: "user",
      content: "Question:\nGreet Marie\n\nExpected output:\nBonjour Marie\n\nAnswer:\nBonjour, Marie !",
    });
  });

  it("sends braces in the rubric and the answer as written, not as template variables", () => {
    const built = buildJudgeRequest(
      { ...judge, rubric: 'Valid JSON like {"a": 1} with {no} variables' },
      { request: variantRequest("x"), expected: "", answer: "{oops}" },
    );
    expect(built.ok).toBe(true);
    if (!built.ok) return;
    expect(built.value.messages[0]?.content).toContain('Valid JSON like {"a": 1} with {no} variables');
    expect(built.value.messages[1]?.content).toContain("Expected output:\n(none given)");
    expect(built.value.messages[1]?.content).toContain("Answer:\n{oops}");
  });

  it("refuses an empty rubric", () => {
    const built = buildJudgeRequest(
      { ...judge, rubric: "  " },
      { request: variantRequest("x"), expected: "", answer: "a" },
    );
    expect(built).toEqual({ ok: false, error: "Write a rubric for the judge, or turn the judge off." });
  });
});

describe("the judge's verdict", () => {
  it("reads {pass, reason}", () => {
    expect(parseJudgeVerdict('{"pass": true, "reason": "Says bonjour."}')).toEqual({
      ok: true,
      value: { pass: true, reason: "Says bonjour." },
    });
    expect(parseJudgeVerdict('{"pass":false,"reason":"In English."}')).toEqual({
      ok: true,
      value: { pass: false, reason: "In English." },
    });
  });

  it("is an error, never a pass, when the answer is not a verdict", () => {
    for (const content of [
      "Yes, it passes.",
      '{"pass": "true", "reason": "x"}',
      '{"pass": true}',
      '{"pass": true, "reason": "x", "score": 3}',
      '{"pass": true, "reason": "   "}',
      "[true]",
      "",
    ]) {
      const parsed = parseJudgeVerdict(content);
      expect(parsed.ok, content).toBe(false);
    }
    expect(parseJudgeVerdict("nope")).toMatchObject({
      ok: false,
      error: expect.stringContaining("did not answer with JSON"),
    });
  });
});

const usage = { promptTokens: 1_000_000, completionTokens: 1_000_000, totalTokens: 2_000_000 };

function answered(pass: boolean | undefined, judged?: JudgeResult): CaseResult {
  return {
    status: "done",
    content: "ok",
    metadata: { model: "mistral-small-latest", durationMs: 100, usage },
    ...(pass === undefined ? {} : { verdict: { pass, reason: pass ? "yes" : "no" } }),
    ...(judged ? { judge: judged } : {}),
  };
}

const judged = (pass: boolean, model = "mistral-large-latest"): JudgeResult => ({
  status: "done",
  verdict: { pass, reason: pass ? "meets it" : "misses it" },
  metadata: { model, usage },
});

describe("judge results of a variant", () => {
  it("counts the judge's verdicts and cost apart from the variant's", () => {
    const summary = summarizeVariant([
      answered(true, judged(true)),
      answered(true, judged(false)),
      answered(undefined, { status: "failed", error: "The judge did not answer with JSON: x" }),
      answered(false),
    ]);
    expect(passRateLabel(summary)).toBe("2/3 · 67%");
    expect(passRateLabel(summary.judge)).toBe("1/2 · 50%");
    expect(summary.judge.failed).toBe(1);
    expect(summary.judge.count).toBe(3);
    // The variant's four answers on mistral-small ($0.75 per million in + out each) only.
    expect(summary.totalTokens).toBe(8_000_000);
    expect(summary.cost).toBeCloseTo(4 * 0.75);
    // The judge's two answers on mistral-large ($2 in + $6 out per million).
    expect(summary.judge.totalTokens).toBe(4_000_000);
    expect(summary.judge.cost).toBeCloseTo(2 * (0.5 + 1.5));
  });

  it("treats a failed verdict or a failed judge as a failed result", () => {
    expect(isFailedResult(answered(true, judged(true)))).toBe(false);
    expect(isFailedResult(answered(true, judged(false)))).toBe(true);
    expect(isFailedResult(answered(true, { status: "failed", error: "x" }))).toBe(true);
    expect(isFailedResult(answered(false, judged(true)))).toBe(true);
    expect(isFailedResult(answered(undefined))).toBe(false);
  });

  it("puts the judge's verdict and tokens in the results CSV", () => {
    const csv = resultsToCsv({
      cases: [{ id: "c1", values: {}, expected: "" }],
      variables: [],
      variants: [{ id: "v1", name: "Variant 1" }],
      results: { c1: { v1: answered(undefined, judged(false)) } },
    });
    const [header, row] = csv.trim().split("\n");
    expect(header).toContain("judge_pass,judge_reason,judge_prompt_tokens,judge_completion_tokens");
    expect(row).toMatch(/,false,misses it,1000000,1000000$/);
  });
});
