/**
 * Source literals for the generated programs. Each is correct for any text: quotes, backslashes,
 * line breaks, braces and every Unicode character survive the trip.
 */

/** Line and paragraph separators end a line in some readers; spell them out everywhere. */
function escapeSeparators(literal: string): string {
  return literal.replace(/\u2028/g, "\\u2028").replace(/\u2029/g, "\\u2029");
}

/**
 * A Python string literal. JSON's escapes (`\"`, `\\`, `\n`, `\uXXXX`, …) mean the same in
 * Python, and the source files are UTF-8, so other characters stay as they are.
 */
export function pythonString(text: string): string {
  return escapeSeparators(JSON.stringify(text));
}

/** A TypeScript (JavaScript) string literal. */
export function typescriptString(text: string): string {
  return escapeSeparators(JSON.stringify(text));
}

/** A JSON value as a Python expression (dicts, lists, True/False/None), indented like JSON. */
export function pythonValue(value: unknown, indent = 0): string {
  const pad = " ".repeat(indent);
  const inner = " ".repeat(indent + 4);
  if (value === null || value === undefined) return "None";
  if (value === true) return "True";
  if (value === false) return "False";
  if (typeof value === "number") return Number.isFinite(value) ? JSON.stringify(value) : "None";
  if (typeof value === "string") return pythonString(value);
  if (Array.isArray(value)) {
    if (value.length === 0) return "[]";
    const items = value.map((item) => `${inner}${pythonValue(item, indent + 4)},`);
    return `[\n${items.join("\n")}\n${pad}]`;
  }
  if (typeof value === "object") {
    const entries = Object.entries(value);
    if (entries.length === 0) return "{}";
    const items = entries.map(
      ([key, item]) => `${inner}${pythonString(key)}: ${pythonValue(item, indent + 4)},`,
    );
    return `{\n${items.join("\n")}\n${pad}}`;
  }
  throw new Error(`Not a JSON value: ${typeof value}`);
}

/** A JSON value as a TypeScript expression, indented by `indent` after the first line. */
export function typescriptValue(value: unknown, indent = 0): string {
  const text = escapeSeparators(JSON.stringify(value, null, 2));
  return text.replace(/\n/g, `\n${" ".repeat(indent)}`);
}

/** A comment line's text: a line break inside would end the comment and start code. */
export function commentText(text: string): string {
  return text.replace(/[\r\n\u2028\u2029]+/g, " ");
}
