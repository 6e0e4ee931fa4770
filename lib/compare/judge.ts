import { z } from "zod";
import { buildChatRequest } from "@/lib/chat/build-request";
import { escapeForTemplate } from "@/lib/chat/template";
import { format, messages as t } from "@/lib/i18n";
import { parseJson } from "@/lib/json";
import { defaultParameters, type BuiltRequest, type ChatRequest } from "./request";
import type { CheckVerdict } from "./checks";
import { verdictSchema } from "./results";

/** The name of the structured output the judge answers with (Mistral's `json_schema.name`). */
export const JUDGE_SCHEMA_NAME = "judge_verdict";
export const JUDGE_DEFAULT_MODEL = "mistral-small-latest";
export const MAX_RUBRIC_CHARS = 8_000;

/** The verdict as a JSON Schema: what strict structured output holds the judge's answer to. */
export const judgeVerdictJsonSchema = {
  type: "object",
  properties: {
    pass: { type: "boolean", description: "Whether the answer meets the rubric." },
    reason: { type: "string", description: "One sentence saying why." },
  },
  required: ["pass", "reason"],
  additionalProperties: false,
} as const;

/** The judge of a comparison: off, or a model and the rubric it grades every answer against. */
export const judgeSettingsSchema = z.object({
  enabled: z.boolean(),
  model: z.string(),
  rubric: z.string().max(MAX_RUBRIC_CHARS),
});
export type JudgeSettings = z.infer<typeof judgeSettingsSchema>;

export const defaultJudge: JudgeSettings = { enabled: false, model: JUDGE_DEFAULT_MODEL, rubric: "" };

/**
 * The judge's standing instructions. Sent to the model, never shown in the page; the rubric the
 * user wrote follows them.
 */
const JUDGE_INSTRUCTIONS = [
  "You grade one answer of an AI assistant against a rubric.",
  "Read the question, the expected output (when given) and the answer, then decide whether the answer meets every point of the rubric.",
  'Reply with JSON only: {"pass": true or false, "reason": one sentence saying why}.',
].join(" ");

/** The last user turn of a request: the question the variant answered. */
function questionOf(request: ChatRequest): string {
  const last = request.messages.findLast((message) => message.role === "user");
  return last?.content ?? "";
}

/**
 * The `/api/chat` body that asks the judge about one answer, through the playground's request
 * builder. Every text is escaped, so braces in a rubric or an answer are sent as written.
 */
export function buildJudgeRequest(
  judge: JudgeSettings,
  graded: { request: ChatRequest; expected: string; answer: string },
): BuiltRequest {
  if (judge.rubric.trim() === "") return { ok: false, error: t.compare.judge.noRubric };
  const question = [
    `Question:\n${questionOf(graded.request)}`,
    `Expected output:\n${graded.expected.trim() === "" ? "(none given)" : graded.expected}`,
    `Answer:\n${graded.answer}`,
  ].join("\n\n");
  return buildChatRequest({
    system: escapeForTemplate(`${JUDGE_INSTRUCTIONS}\n\nRubric:\n${judge.rubric}`),
    messages: [{ id: "judge-question", role: "user", content: escapeForTemplate(question) }],
    parameters: {
      ...defaultParameters,
      model: judge.model,
      temperature: 0,
      responseFormat: {
        type: "json_schema",
        name: JUDGE_SCHEMA_NAME,
        schema: JSON.stringify(judgeVerdictJsonSchema),
        strict: true,
      },
    },
    variables: {},
  });
}

const strictVerdictSchema = verdictSchema.strict();

/** The judge's answer read as a verdict; anything else (not JSON, other keys) is an error. */
export function parseJudgeVerdict(content: string): { ok: true; value: CheckVerdict } | { ok: false; error: string } {
  const json = parseJson(content);
  if (!json.ok) return { ok: false, error: format(t.compare.judge.notJson, { detail: json.error }) };
  const verdict = strictVerdictSchema.safeParse(json.value);
  if (!verdict.success) return { ok: false, error: t.compare.judge.notVerdict };
  if (verdict.data.reason.trim() === "") return { ok: false, error: t.compare.judge.noReason };
  return { ok: true, value: verdict.data };
}
