/**
 * Request-body validation against Mistral's official OpenAPI schema (spec/chat-completion-request.yaml),
 * answered the way the real API answers: HTTP 422 with pydantic-style details wrapped in the error
 * envelope (FACTS §4.1, recorded/errors/422_*.json).
 */
import { readFileSync } from "node:fs";
import { Ajv2020, type ErrorObject, type ValidateFunction } from "ajv/dist/2020.js";
import { parse } from "yaml";
import type { JsonReply } from "./errors.ts";

type JsonObject = Record<string, unknown>;
type Detail = { type: string; loc: (string | number)[]; msg: string; input: unknown; ctx?: JsonObject };

const SPEC_ID = "https://fake-mistral.local/chat-completion-request";

function isObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function walk(value: unknown, visit: (node: JsonObject) => void): void {
  if (Array.isArray(value)) value.forEach((item) => walk(item, visit));
  else if (isObject(value)) {
    visit(value);
    Object.values(value).forEach((item) => walk(item, visit));
  }
}

/**
 * OpenAPI 3.1 → something Ajv's 2020-12 compiler takes: refs point into `$defs`; OpenAPI
 * `discriminator`s keep working (they make Ajv report the errors of the tagged branch only, as
 * pydantic does) once `mapping` is dropped, `$ref`'d tag enums are inlined and the tag is required.
 */
function prepareSchemas(schemas: JsonObject): JsonObject {
  const defs = structuredClone(schemas);
  walk(defs, (node) => {
    if (typeof node.$ref === "string") node.$ref = node.$ref.replace("#/components/schemas/", "#/$defs/");
  });
  const resolve = (node: unknown): JsonObject | undefined => {
    if (!isObject(node)) return undefined;
    if (typeof node.$ref !== "string") return node;
    const target = defs[node.$ref.replace("#/$defs/", "")];
    return isObject(target) ? target : undefined;
  };
  walk(defs, (node) => {
    const discriminator = node.discriminator;
    if (!isObject(discriminator)) return;
    const tag = String(discriminator.propertyName);
    const branches = Array.isArray(node.oneOf) ? node.oneOf.map(resolve) : [];
    const usable =
      branches.length > 0 &&
      branches.every((branch) => {
        const properties = branch?.properties;
        if (!isObject(properties)) return false;
        const tagSchema = properties[tag];
        const target = resolve(tagSchema);
        if (isObject(tagSchema) && tagSchema !== target && target !== undefined) {
          const { $ref: _inlined, ...annotations } = tagSchema;
          properties[tag] = { ...target, ...annotations };
        }
        return target !== undefined && ("const" in target || "enum" in target);
      });
    if (!usable) {
      delete node.discriminator;
      return;
    }
    node.discriminator = { propertyName: tag };
    const required = Array.isArray(node.required) ? node.required : [];
    if (!required.includes(tag)) node.required = [...required, tag];
  });
  return defs;
}

let compiled: ValidateFunction | undefined;

/** Loads and compiles the schema on first use; later calls return the compiled validator. */
export function loadRequestSchema(): ValidateFunction {
  if (compiled) return compiled;
  const text = readFileSync(new URL("./spec/chat-completion-request.yaml", import.meta.url), "utf8");
  const spec = parse(text) as { components: { schemas: JsonObject } };
  // strict:false because OpenAPI adds keywords JSON Schema doesn't know (`x-speakeasy-*`, `examples` on refs…).
  const ajv = new Ajv2020({
    allErrors: true,
    strict: false,
    discriminator: true,
    validateFormats: false,
    logger: false,
  });
  ajv.addSchema({ $id: SPEC_ID, $defs: prepareSchemas(spec.components.schemas) });
  compiled = ajv.compile({ $ref: `${SPEC_ID}#/$defs/ChatCompletionRequest` });
  return compiled;
}

function valueAt(body: unknown, segments: string[]): unknown {
  let current = body;
  for (const segment of segments) {
    if (Array.isArray(current)) current = current[Number(segment)];
    else if (isObject(current)) current = current[segment];
    else return undefined;
  }
  return current;
}

/**
 * pydantic puts the discriminator value into `loc` after the index of a tagged-union list item:
 * `["body","messages",0,"user","name"]` (recorded/errors/422_extra_forbidden_user_name_2024-05.json).
 * The fake does this for the two tagged lists at the top level, `messages` (role) and `tools` (type).
 */
function locOf(body: unknown, segments: string[]): (string | number)[] {
  const loc: (string | number)[] = ["body"];
  segments.forEach((segment, i) => {
    const parent = valueAt(body, segments.slice(0, i));
    loc.push(Array.isArray(parent) ? Number(segment) : segment);
    const tagKey = i === 1 && segments[0] === "messages" ? "role" : i === 1 && segments[0] === "tools" ? "type" : null;
    const tag = tagKey === null ? undefined : valueAt(body, segments.slice(0, 2).concat(tagKey));
    if (typeof tag === "string") loc.push(tag);
  });
  return loc;
}

const typeMessages: Record<string, [string, string]> = {
  string: ["string_type", "Input should be a valid string"],
  number: ["float_type", "Input should be a valid number"],
  integer: ["int_type", "Input should be a valid integer"],
  boolean: ["bool_type", "Input should be a valid boolean"],
  array: ["list_type", "Input should be a valid list"],
  object: ["dict_type", "Input should be a valid dictionary"],
};

function quoteList(values: unknown[]): string {
  const quoted = values.map((v) => `'${String(v)}'`);
  return quoted.length < 2 ? (quoted[0] ?? "") : `${quoted.slice(0, -1).join(", ")} or ${quoted.at(-1)}`;
}

function toDetail(error: ErrorObject, body: unknown): Detail | null {
  const segments = error.instancePath
    .split("/")
    .slice(1)
    .map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"));
  const input = valueAt(body, segments);
  const at = (extra: string[] = []): (string | number)[] => locOf(body, [...segments, ...extra]);
  const params = error.params as JsonObject;
  switch (error.keyword) {
    case "additionalProperties": {
      const key = String(params.additionalProperty);
      return {
        type: "extra_forbidden",
        loc: at([key]),
        msg: "Extra inputs are not permitted",
        input: valueAt(input, [key]),
      };
    }
    case "required":
      return { type: "missing", loc: at([String(params.missingProperty)]), msg: "Field required", input };
    case "maximum":
      return {
        type: "less_than_equal",
        loc: at(),
        msg: `Input should be less than or equal to ${String(params.limit)}`,
        input,
        ctx: { le: params.limit },
      };
    case "minimum":
      return {
        type: "greater_than_equal",
        loc: at(),
        msg: `Input should be greater than or equal to ${String(params.limit)}`,
        input,
        ctx: { ge: params.limit },
      };
    case "exclusiveMaximum":
      return {
        type: "less_than",
        loc: at(),
        msg: `Input should be less than ${String(params.limit)}`,
        input,
        ctx: { lt: params.limit },
      };
    case "exclusiveMinimum":
      return {
        type: "greater_than",
        loc: at(),
        msg: `Input should be greater than ${String(params.limit)}`,
        input,
        ctx: { gt: params.limit },
      };
    case "type": {
      const expected = String(params.type);
      if (expected === "null") return null; // the `| None` arm of an Optional: pydantic never reports it
      const [type, msg] = typeMessages[expected] ?? ["value_error", `Input should be a valid ${expected}`];
      return { type, loc: at(), msg, input };
    }
    case "const":
      return {
        type: "literal_error",
        loc: at(),
        msg: `Input should be ${quoteList([params.allowedValue])}`,
        input,
        ctx: { expected: quoteList([params.allowedValue]) },
      };
    case "enum": {
      const expected = quoteList(params.allowedValues as unknown[]);
      return { type: "enum", loc: at(), msg: `Input should be ${expected}`, input, ctx: { expected } };
    }
    case "discriminator":
      // A missing tag is already reported as `missing`; an unknown one is pydantic's union_tag_invalid.
      if (params.error !== "mapping") return null;
      return {
        type: "union_tag_invalid",
        loc: at(),
        msg: `Input tag '${String(params.tagValue)}' found using '${String(params.tag)}' does not match any of the expected tags`,
        input,
        ctx: { discriminator: `'${String(params.tag)}'`, tag: String(params.tagValue) },
      };
    case "anyOf":
    case "oneOf":
      return null; // the failing branches already reported why
    default:
      return { type: "value_error", loc: at(), msg: error.message ?? "Invalid value", input };
  }
}

/**
 * One detail per location and kind: a value that fails every arm of `str | list | None` yields
 * several Ajv `type` errors for one place; the first arm's is kept.
 */
function dedupe(details: Detail[]): Detail[] {
  const seen = new Set<string>();
  const withDeeper = (loc: (string | number)[]) =>
    details.some((d) => d.loc.length > loc.length && loc.every((part, i) => d.loc[i] === part));
  return details.filter((detail) => {
    // A type mismatch on one arm is noise when another arm matched and failed deeper down.
    if (detail.type.endsWith("_type") && withDeeper(detail.loc)) return false;
    const key = `${JSON.stringify(detail.loc)}|${detail.type.endsWith("_type") ? "type" : detail.type}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The real 422 shape: `message` is an object holding FastAPI's `detail` list (FACTS §7.2). */
export function validationError(detail: Detail[]): JsonReply {
  return {
    status: 422,
    body: { object: "error", message: { detail }, type: "invalid_request_error", param: null, code: null },
  };
}

/** FastAPI's answer to a body that is not JSON at all. */
export function jsonDecodeError(position: number): JsonReply {
  return validationError([
    {
      type: "json_invalid",
      loc: ["body", position],
      msg: "JSON decode error",
      input: {},
      ctx: { error: "Expecting value" },
    },
  ]);
}

export function validateRequestBody(body: unknown): JsonReply | null {
  const validate = loadRequestSchema();
  if (validate(body)) return null;
  const details = dedupe((validate.errors ?? []).map((e) => toDetail(e, body)).filter((d): d is Detail => d !== null));
  return validationError(
    details.length > 0 ? details : [{ type: "value_error", loc: ["body"], msg: "Invalid request", input: body }],
  );
}
