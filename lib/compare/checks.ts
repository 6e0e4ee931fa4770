import { z } from "zod";
import { t } from "@/lib/i18n";
import { parseJson } from "@/lib/json";
import { compileSchema, describeSchemaErrors, parseJsonObject } from "@/lib/json-schema";
import type { ResponseFormat } from "./request";

export const checkKinds = ["contains", "equals", "regex", "json", "schema"] as const;
export const checkKindSchema = z.enum(checkKinds);
export type CheckKind = z.infer<typeof checkKindSchema>;

/** The verdict on one answer; `reason` says why in a sentence. */
export type CheckVerdict = { pass: boolean; reason: string };

/** Kinds that compare with the expected text; the others look at the answer alone. */
export function usesExpected(kind: CheckKind): boolean {
  return kind === "contains" || kind === "equals" || kind === "regex";
}

/** Whether a case is checked at all: JSON checks always, text checks when something is expected. */
export function isChecked(kind: CheckKind, expected: string): boolean {
  return !usesExpected(kind) || expected !== "";
}

/** The error to show on the Expected field, or null when it is usable. */
export function expectedError(kind: CheckKind, expected: string): string | null {
  if (kind !== "regex" || expected === "") return null;
  const compiled = compileRegex(expected);
  return compiled.ok ? null : compiled.error;
}

function compileRegex(source: string): { ok: true; value: RegExp } | { ok: false; error: string } {
  try {
    return { ok: true, value: new RegExp(source, "u") };
  } catch (error) {
    return { ok: false, error: t("compare.check.badRegex", { detail: (error as Error).message }) };
  }
}

/**
 * Checks one answer. `undefined` when the case asks nothing of it (a text check with nothing
 * expected). The schema check uses the variant's JSON-schema response format.
 */
export function checkCaseAnswer(
  answer: string,
  check: { kind: CheckKind; expected: string },
  responseFormat: ResponseFormat,
): CheckVerdict | undefined {
  const { kind, expected } = check;
  if (!isChecked(kind, expected)) return undefined;
  switch (kind) {
    case "contains":
      return answer.includes(expected)
        ? { pass: true, reason: t("compare.check.contains", { expected }) }
        : { pass: false, reason: t("compare.check.notContains", { expected }) };
    case "equals":
      return answer.trim() === expected.trim()
        ? { pass: true, reason: t("compare.check.equals") }
        : { pass: false, reason: t("compare.check.notEquals", { expected: expected.trim() }) };
    case "regex": {
      const compiled = compileRegex(expected);
      if (!compiled.ok) return { pass: false, reason: compiled.error };
      return compiled.value.test(answer)
        ? { pass: true, reason: t("compare.check.matches", { expected }) }
        : { pass: false, reason: t("compare.check.notMatches", { expected }) };
    }
    case "json": {
      const parsed = parseJson(answer);
      return parsed.ok
        ? { pass: true, reason: t("compare.check.json") }
        : { pass: false, reason: t("compare.check.notJson", { detail: parsed.error }) };
    }
    case "schema":
      return checkSchema(answer, responseFormat);
  }
}

function checkSchema(answer: string, responseFormat: ResponseFormat): CheckVerdict {
  if (responseFormat.type !== "json_schema") return { pass: false, reason: t("compare.check.noSchema") };
  const parsed = parseJson(answer);
  if (!parsed.ok) return { pass: false, reason: t("compare.check.notJson", { detail: parsed.error }) };
  const schema = parseJsonObject(responseFormat.schema);
  const validate = schema.ok ? compileSchema(schema.value) : schema;
  if (!validate.ok) return { pass: false, reason: t("compare.check.brokenSchema", { detail: validate.error }) };
  const result = validate.value(parsed.value);
  if (result.valid) return { pass: true, reason: t("compare.check.schema", { name: responseFormat.name }) };
  return { pass: false, reason: describeSchemaErrors(result.errors, "The answer").slice(0, 3).join(" ") };
}
