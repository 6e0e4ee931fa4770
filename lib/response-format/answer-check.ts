import type { ResponseFormat } from "@/lib/workspace/model";
import { t } from "@/lib/i18n";
import { isJsonObject, parseJson } from "@/lib/json";
import { compileSchema, describeSchemaErrors, parseJsonObject } from "@/lib/json-schema";

/**
 * An answer checked against the JSON response format it was asked for: pretty-printed when it
 * parses, with what is wrong (a parse error, not an object, each schema violation) when not.
 */
export type AnswerCheck = {
  ok: boolean;
  /** The answer pretty-printed, when it is JSON. */
  pretty?: string;
  summary: string;
  /** One line per schema violation. */
  violations: string[];
};

const MAX_VIOLATIONS = 8;

/** `undefined` for the text format: there is nothing to check. */
export function checkAnswer(content: string, responseFormat: ResponseFormat): AnswerCheck | undefined {
  if (responseFormat.type === "text") return undefined;
  const parsed = parseJson(content);
  if (!parsed.ok)
    return { ok: false, summary: t("responseFormat.answerNotJson", { detail: parsed.error }), violations: [] };
  const pretty = JSON.stringify(parsed.value, null, 2);

  if (responseFormat.type === "json_object") {
    return isJsonObject(parsed.value)
      ? { ok: true, pretty, summary: t("responseFormat.answerValid"), violations: [] }
      : { ok: false, pretty, summary: t("responseFormat.answerNotObject"), violations: [] };
  }

  const { name } = responseFormat;
  const schema = parseJsonObject(responseFormat.schema);
  const validate = schema.ok ? compileSchema(schema.value) : schema;
  if (!validate.ok)
    return {
      ok: false,
      pretty,
      summary: t("responseFormat.answerSchemaBroken", { detail: validate.error }),
      violations: [],
    };
  const result = validate.value(parsed.value);
  if (result.valid) return { ok: true, pretty, summary: t("responseFormat.answerMatches", { name }), violations: [] };
  const violations = describeSchemaErrors(result.errors, "The answer").slice(0, MAX_VIOLATIONS);
  return { ok: false, pretty, summary: t("responseFormat.answerViolates", { name }), violations };
}
