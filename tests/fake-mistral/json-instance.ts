/**
 * A small valid instance of a JSON Schema, for `response_format: json_schema` answers and default
 * tool-call arguments. Covers what tool/structured-output schemas use in practice (objects with
 * required properties, primitives with bounds, enum/const, arrays with minItems, anyOf/oneOf,
 * local `$ref`s); it is not a general JSON Schema solver.
 */

type Schema = Record<string, unknown>;

function isSchema(value: unknown): value is Schema {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function resolveRef(ref: string, root: Schema): Schema | undefined {
  if (!ref.startsWith("#/")) return undefined;
  let node: unknown = root;
  for (const part of ref.slice(2).split("/")) {
    node = isSchema(node) ? node[part.replace(/~1/g, "/").replace(/~0/g, "~")] : undefined;
  }
  return isSchema(node) ? node : undefined;
}

function instanceOf(schema: unknown, root: Schema, depth: number): unknown {
  if (!isSchema(schema) || depth > 20) return null;
  if (typeof schema.$ref === "string") return instanceOf(resolveRef(schema.$ref, root), root, depth + 1);
  if ("const" in schema) return schema.const;
  if (Array.isArray(schema.enum)) return schema.enum[0];
  if ("default" in schema) return schema.default;
  if (Array.isArray(schema.examples) && schema.examples.length > 0) return schema.examples[0];
  for (const key of ["anyOf", "oneOf", "allOf"] as const) {
    const options = schema[key];
    if (Array.isArray(options) && options.length > 0) {
      if (key !== "allOf") return instanceOf(options[0], root, depth + 1);
      return Object.assign({}, ...options.map((part) => instanceOf(part, root, depth + 1) as object));
    }
  }
  const type = Array.isArray(schema.type) ? (schema.type.find((t) => t !== "null") ?? "null") : schema.type;
  switch (type) {
    case "object": {
      const properties = isSchema(schema.properties) ? schema.properties : {};
      const required = Array.isArray(schema.required) ? (schema.required as string[]) : [];
      return Object.fromEntries(required.map((name) => [name, instanceOf(properties[name] ?? {}, root, depth + 1)]));
    }
    case "array": {
      const count = typeof schema.minItems === "number" ? schema.minItems : 0;
      return Array.from({ length: count }, () => instanceOf(schema.items ?? {}, root, depth + 1));
    }
    case "string": {
      const minLength = typeof schema.minLength === "number" ? schema.minLength : 0;
      return "example"
        .padEnd(minLength, "e")
        .slice(0, typeof schema.maxLength === "number" ? schema.maxLength : undefined);
    }
    case "integer":
    case "number": {
      const minimum =
        typeof schema.minimum === "number"
          ? schema.minimum
          : typeof schema.exclusiveMinimum === "number"
            ? schema.exclusiveMinimum + 1
            : 0;
      const maximum = typeof schema.maximum === "number" ? schema.maximum : Infinity;
      const value = Math.min(minimum, maximum);
      return type === "integer" ? Math.ceil(value) : value;
    }
    case "boolean":
      return false;
    case "null":
      return null;
    default:
      return isSchema(schema.properties) ? instanceOf({ ...schema, type: "object" }, root, depth + 1) : null;
  }
}

export function minimalInstance(schema: unknown): unknown {
  return instanceOf(schema, isSchema(schema) ? schema : {}, 0);
}
