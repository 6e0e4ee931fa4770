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

type Syntax = {
  string: (text: string) => string;
  key: (name: string) => string;
  null: string;
  true: string;
  false: string;
  /** Spaces per level of nesting. */
  step: number;
  /** Whether a one-line object reads `{ a: 1 }` rather than `{a: 1}`. */
  spacedBraces: boolean;
  /** A comma after the last item of a multi-line object or array (not allowed in JSON). */
  trailingComma: boolean;
};

const python: Syntax = {
  string: pythonString,
  key: pythonString,
  null: "None",
  true: "True",
  false: "False",
  step: 4,
  spacedBraces: false,
  trailingComma: true,
};

/** An object key in TypeScript: bare when it is an identifier. */
export function typescriptKey(name: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(name) ? name : typescriptString(name);
}

const typescript: Syntax = {
  string: typescriptString,
  key: typescriptKey,
  null: "null",
  true: "true",
  false: "false",
  step: 2,
  spacedBraces: true,
  trailingComma: true,
};

const json: Syntax = { ...typescript, key: typescriptString, trailingComma: false };

/** Columns a one-line object or array may reach, indentation included. */
const INLINE_WIDTH = 88;

/**
 * Pretty-prints a JSON value. Short objects and arrays stay on one line, like a person would
 * write `{"role": "user", "content": "Hi"}`.
 */
function printValue(value: unknown, indent: number, syntax: Syntax): string {
  if (value === null || value === undefined) return syntax.null;
  if (value === true) return syntax.true;
  if (value === false) return syntax.false;
  if (typeof value === "number") return Number.isFinite(value) ? JSON.stringify(value) : syntax.null;
  if (typeof value === "string") return syntax.string(value);
  // The AI SDK's file parts take a URL object for an address.
  if (value instanceof URL)
    return syntax === typescript ? `new URL(${syntax.string(value.href)})` : syntax.string(value.href);
  if (typeof value !== "object") throw new Error(`Not a JSON value: ${typeof value}`);

  const isArray = Array.isArray(value);
  const entries: [string | undefined, unknown][] = isArray
    ? value.map((item: unknown) => [undefined, item])
    : Object.entries(value).filter(([, item]) => item !== undefined);
  const [open, close] = isArray ? ["[", "]"] : ["{", "}"];
  if (entries.length === 0) return open + close;
  const items = entries.map(([key, item]) => {
    const printed = printValue(item, indent + syntax.step, syntax);
    return key === undefined ? printed : `${syntax.key(key)}: ${printed}`;
  });
  const space = !isArray && syntax.spacedBraces ? " " : "";
  const inline = `${open}${space}${items.join(", ")}${space}${close}`;
  if (!inline.includes("\n") && indent + inline.length <= INLINE_WIDTH) return inline;
  const pad = " ".repeat(indent);
  const inner = " ".repeat(indent + syntax.step);
  const last = syntax.trailingComma ? "," : "";
  return `${open}\n${inner}${items.join(`,\n${inner}`)}${last}\n${pad}${close}`;
}

/** A JSON value as a Python expression (dicts, lists, True/False/None). */
export function pythonValue(value: unknown, indent = 0): string {
  return printValue(value, indent, python);
}

/** A JSON value as a TypeScript expression; `indent` is the indentation of its first line. */
export function typescriptValue(value: unknown, indent = 0): string {
  return printValue(value, indent, typescript);
}

/** Readable JSON: short objects and arrays on one line, every inner line indented. */
export function jsonValue(value: unknown): string {
  return printValue(value, 0, json);
}

/** A comment line's text: a line break inside would end the comment and start code. */
export function commentText(text: string): string {
  return text.replace(/[\r\n\u2028\u2029]+/g, " ");
}
