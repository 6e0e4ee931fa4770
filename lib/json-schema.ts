import { Validator, type OutputUnit, type Schema, type SchemaDraft } from "@cfworker/json-schema";
import draft07MetaSchema from "ajv/dist/refs/json-schema-draft-07.json" with { type: "json" };
import { t } from "@/lib/i18n";
import { isJsonObject, parseJson, type JsonObject, type JsonResult } from "@/lib/json";

/**
 * JSON texts the user types (tool parameters, response schemas, answers) and the JSON Schema
 * checks on them. The validator interprets schemas instead of compiling them to code, so it
 * runs under the app's Content-Security-Policy (no `eval`) and a schema from a shared
 * transcript can never run as code. Results are `{ ok, value } | { ok, error }`.
 */
export type SchemaValidator = (instance: unknown) => { valid: true } | { valid: false; errors: OutputUnit[] };

const draft07 = new Validator(draft07MetaSchema as Schema, "7", false);

export function parseJsonObject(text: string): JsonResult<JsonObject> {
  if (text.trim() === "") return { ok: false, error: t("json.empty") };
  const parsed = parseJson(text);
  if (!parsed.ok) return parsed;
  return isJsonObject(parsed.value) ? { ok: true, value: parsed.value } : { ok: false, error: t("json.notObject") };
}

function invalidSchema(detail: string): string {
  return t("json.invalidSchema", { detail: detail.replace(/\.$/, "") });
}

/** Errors that only say "a part below did not match": the part's own error says what. */
const containerKeywords = new Set([
  "properties",
  "patternProperties",
  "additionalProperties",
  "items",
  "prefixItems",
  "additionalItems",
  "contains",
  "$ref",
  "$recursiveRef",
  "allOf",
  "dependentSchemas",
  "unevaluatedProperties",
  "unevaluatedItems",
]);

/** The validation errors worth reading, each as a short sentence: where, then what. */
export function describeSchemaErrors(errors: readonly OutputUnit[], subject: string): string[] {
  return errors
    .filter((error) => !containerKeywords.has(error.keyword))
    .map((error) => {
      const where = error.instanceLocation === "#" ? subject : error.instanceLocation.slice(1);
      // A property that `additionalProperties: false` forbids fails the `false` schema.
      const what = error.keyword === "false" ? t("json.notAllowed") : error.error;
      return `${where}: ${what}`;
    });
}

/**
 * Tool parameters as Mistral checks them: a JSON object that is a valid draft-07 JSON Schema
 * (mistral-common runs jsonschema's `Draft7Validator.check_schema`, whatever `$schema` says).
 */
export function checkToolParameters(text: string): JsonResult<JsonObject> {
  const parsed = parseJsonObject(text);
  if (!parsed.ok) return parsed;
  const result = draft07.validate(parsed.value);
  if (result.valid) return parsed;
  const [first] = describeSchemaErrors(result.errors, "the schema");
  return { ok: false, error: invalidSchema(first ?? "invalid") };
}

function draftOf(schema: JsonObject): SchemaDraft {
  const declared = typeof schema.$schema === "string" ? schema.$schema : "";
  if (declared.includes("2020-12")) return "2020-12";
  if (declared.includes("2019-09")) return "2019-09";
  return "7";
}

/**
 * A validator for a response schema, which must itself be a valid JSON Schema (checked
 * against the draft-07 meta-schema, whose rules the later drafts keep for what Mistral uses).
 * Draft 2020-12 and 2019-09 schemas are read by their `$schema`, others as draft-07.
 */
export function compileSchema(schema: JsonObject): JsonResult<SchemaValidator> {
  const meta = draft07.validate(schema);
  if (!meta.valid) {
    const [first] = describeSchemaErrors(meta.errors, "the schema");
    return { ok: false, error: invalidSchema(first ?? "invalid") };
  }
  const validator = new Validator(schema as Schema, draftOf(schema), false);
  return {
    ok: true,
    value: (instance) => {
      const result = validator.validate(instance);
      return result.valid ? { valid: true } : { valid: false, errors: result.errors };
    },
  };
}

/** A response schema as typed: a JSON object that compiles as a JSON Schema. */
export function checkResponseSchema(text: string): JsonResult<JsonObject> {
  const parsed = parseJsonObject(text);
  if (!parsed.ok) return parsed;
  const validator = compileSchema(parsed.value);
  return validator.ok ? parsed : validator;
}
