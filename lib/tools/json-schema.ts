import { Ajv, type ErrorObject, type ValidateFunction } from "ajv";
import { Ajv2020 } from "ajv/dist/2020.js";
import { format, messages as t } from "@/lib/i18n";

/**
 * JSON texts the user types (tool parameters, response schemas, answers) and the JSON Schema
 * checks on them, with ajv. Results are `{ ok, value } | { ok, error }` with a sentence to show.
 */
export type JsonObject = Record<string, unknown>;
export type Checked<T> = { ok: true; value: T } | { ok: false; error: string };

const options = { strict: false, allErrors: true, validateFormats: false, logger: false } as const;
const draft7 = new Ajv(options);
const draft2020 = new Ajv2020(options);
const DRAFT_7_META = "http://json-schema.org/draft-07/schema";

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export function parseJson(text: string): Checked<unknown> {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    // JSON.parse's message names the position ("Unexpected token } in JSON at position 12").
    return { ok: false, error: error instanceof SyntaxError ? error.message : String(error) };
  }
}

export function parseJsonObject(text: string): Checked<JsonObject> {
  if (text.trim() === "") return { ok: false, error: t.json.empty };
  const parsed = parseJson(text);
  if (!parsed.ok) return parsed;
  return isJsonObject(parsed.value) ? { ok: true, value: parsed.value } : { ok: false, error: t.json.notObject };
}

/** Pretty JSON of a text, or undefined when it is not JSON. */
export function prettyJson(text: string): string | undefined {
  const parsed = parseJson(text);
  return parsed.ok ? JSON.stringify(parsed.value, null, 2) : undefined;
}

function invalidSchema(detail: string): string {
  return format(t.json.invalidSchema, { detail });
}

/** One ajv error as a short sentence: where, then what. */
export function describeSchemaError(error: ErrorObject, subject: string): string {
  const where = error.instancePath === "" ? subject : error.instancePath;
  const params = error.params as Record<string, unknown>;
  const detail =
    error.keyword === "additionalProperties"
      ? ` ("${String(params.additionalProperty)}")`
      : error.keyword === "enum" && Array.isArray(params.allowedValues)
        ? `: ${params.allowedValues.map((v) => JSON.stringify(v)).join(", ")}`
        : "";
  return `${where} ${error.message ?? "is invalid"}${detail}`;
}

/**
 * Tool parameters as Mistral checks them: a JSON object that is a valid draft-07 JSON Schema
 * (mistral-common runs jsonschema's `Draft7Validator.check_schema`, whatever `$schema` says).
 */
export function checkToolParameters(text: string): Checked<JsonObject> {
  const parsed = parseJsonObject(text);
  if (!parsed.ok) return parsed;
  const meta = draft7.getSchema(DRAFT_7_META);
  if (!meta) throw new Error("ajv has no draft-07 meta-schema");
  if (meta(parsed.value)) return parsed;
  const first = meta.errors?.[0];
  return { ok: false, error: invalidSchema(first ? describeSchemaError(first, "the schema") : "invalid") };
}

// The playground compiles whatever schema is in the editor on every change; keep a few.
const compiled = new Map<string, ValidateFunction>();
const MAX_COMPILED = 16;

/**
 * A validator for a response schema. Draft 2020-12 (and 2019-09) schemas by their `$schema`,
 * draft-07 otherwise; the `$schema` line itself is not needed to validate.
 */
export function compileSchema(schema: JsonObject): Checked<ValidateFunction> {
  const key = JSON.stringify(schema);
  const cached = compiled.get(key);
  if (cached) return { ok: true, value: cached };
  const { $schema, ...rest } = schema;
  const ajv = typeof $schema === "string" && /20(19-09|20-12)/.test($schema) ? draft2020 : draft7;
  try {
    const validate = ajv.compile(rest);
    if (compiled.size >= MAX_COMPILED) compiled.delete(compiled.keys().next().value as string);
    compiled.set(key, validate);
    return { ok: true, value: validate };
  } catch (error) {
    // ajv throws for a schema that breaks its meta-schema or has an unresolvable $ref.
    return { ok: false, error: invalidSchema(error instanceof Error ? error.message : String(error)) };
  } finally {
    // Forget it in ajv's registry so a later edit with the same `$id` compiles again.
    ajv.removeSchema(rest);
  }
}

/** A response schema as typed: a JSON object that compiles as a JSON Schema. */
export function checkResponseSchema(text: string): Checked<JsonObject> {
  const parsed = parseJsonObject(text);
  if (!parsed.ok) return parsed;
  const validator = compileSchema(parsed.value);
  return validator.ok ? parsed : validator;
}
