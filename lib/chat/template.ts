/**
 * Prompt templates with LangChain's f-string rules (Python `str.format`): `{name}` is a
 * placeholder, `{{` and `}}` are literal braces. Following the same rules as LangChain means a
 * prompt written here behaves the same in `ChatPromptTemplate` after "View code".
 *
 * Names are Python identifiers without the attribute and index syntax LangChain rejects: a letter
 * (any script, as Python allows) or `_`, then letters, digits, combining marks or `_`. Python
 * also accepts `{0}`, `{a.b}`, `{a[0]}`, `{a!r}` and `{a:>10}`; LangChain refuses the first three
 * and the last two are formatting we do not offer, so they are errors here too.
 */

export type TemplateError = { message: string; index: number };

export type ParseTemplateResult = { ok: true; value: { variables: string[] } } | { ok: false; error: TemplateError };

export type RenderErrorCode = "missing_variable" | "invalid_template" | "too_long";

export type RenderError = { code: RenderErrorCode; message: string; variables?: string[] };

export type RenderTemplateResult = { ok: true; value: string } | { ok: false; error: RenderError };

/** The templated parts of a prompt: tool messages and tool-call arguments are sent as written. */
export type TemplatedPrompt = {
  system: string;
  messages: readonly { role: string; content: string }[];
  composer?: string;
};

const NAME = String.raw`[\p{L}\p{Nl}_][\p{L}\p{Nl}\p{Mn}\p{Mc}\p{Nd}\p{Pc}]*`;
const VARIABLE_NAME = new RegExp(`^${NAME}$`, "u");

/** System and user texts are templates. Assistant texts are answers, often JSON or code
 * full of braces, so they are sent as written. */
function isTemplated(role: string): boolean {
  return role === "user";
}

type Segment = { kind: "text"; text: string } | { kind: "variable"; name: string };

function tokenize(text: string): { ok: true; value: Segment[] } | { ok: false; error: TemplateError } {
  const segments: Segment[] = [];
  let literal = "";
  let i = 0;
  while (i < text.length) {
    const char = text[i];
    if (char === "}") {
      if (text[i + 1] !== "}") {
        return fail(i, `Unmatched } ${where(text, i)}. Write }} for a literal brace.`);
      }
      literal += "}";
      i += 2;
    } else if (char === "{") {
      if (text[i + 1] === "{") {
        literal += "{";
        i += 2;
        continue;
      }
      const close = text.indexOf("}", i + 1);
      const nextOpen = text.indexOf("{", i + 1);
      if (close === -1 || (nextOpen !== -1 && nextOpen < close)) {
        return fail(i, `Unclosed { ${where(text, i)}. Close it with } or write {{ for a literal brace.`);
      }
      const name = text.slice(i + 1, close);
      if (name === "") {
        return fail(
          i,
          `Empty placeholder {} ${where(text, i)}. Put a variable name inside, or write {{}} for literal braces.`,
        );
      }
      if (!VARIABLE_NAME.test(name)) {
        return fail(
          i,
          `{${name}} ${where(text, i)} is not a variable name. Use letters, digits and _ without spaces, starting with a letter or _, or write {{ and }} for literal braces.`,
        );
      }
      if (literal) segments.push({ kind: "text", text: literal });
      literal = "";
      segments.push({ kind: "variable", name });
      i = close + 1;
    } else {
      literal += char;
      i += 1;
    }
  }
  if (literal) segments.push({ kind: "text", text: literal });
  return { ok: true, value: segments };
}

function fail(index: number, message: string): { ok: false; error: TemplateError } {
  return { ok: false, error: { message, index } };
}

/** "at column 5" or "on line 2, column 5", counted in characters as the user sees them. */
function where(text: string, index: number): string {
  const before = text.slice(0, index);
  const lineStart = before.lastIndexOf("\n") + 1;
  const column = [...before.slice(lineStart)].length + 1;
  if (!text.includes("\n")) return `at column ${column}`;
  const line = before.split("\n").length;
  return `on line ${line}, column ${column}`;
}

function unique(names: Iterable<string>): string[] {
  return [...new Set(names)];
}

export function parseTemplate(text: string): ParseTemplateResult {
  const tokens = tokenize(text);
  if (!tokens.ok) return tokens;
  const names = tokens.value.flatMap((segment) => (segment.kind === "variable" ? [segment.name] : []));
  return { ok: true, value: { variables: unique(names) } };
}

/**
 * A value counts as missing when it is absent or empty: an empty box in the variables panel is
 * far more often forgotten than meant.
 */
function isMissing(values: Readonly<Record<string, string>>, name: string): boolean {
  const value = Object.hasOwn(values, name) ? values[name] : undefined;
  return value === undefined || value === "";
}

function missingVariables(
  segments: readonly Segment[],
  values: Readonly<Record<string, string>>,
): RenderError | undefined {
  const names = unique(
    segments.flatMap((segment) =>
      segment.kind === "variable" && isMissing(values, segment.name) ? [segment.name] : [],
    ),
  );
  if (names.length === 0) return undefined;
  return { code: "missing_variable", message: missingVariablesMessage(names), variables: names };
}

export function missingVariablesMessage(names: readonly string[]): string {
  const placeholders = names.map((name) => `{${name}}`);
  if (placeholders.length === 1) return `Fill in the value of ${placeholders[0]} before running.`;
  const last = placeholders.pop();
  return `Fill in the values of ${placeholders.join(", ")} and ${last} before running.`;
}

export function renderTemplate(text: string, values: Readonly<Record<string, string>>): RenderTemplateResult {
  const tokens = tokenize(text);
  if (!tokens.ok) {
    return { ok: false, error: { code: "invalid_template", message: tokens.error.message } };
  }
  const missing = missingVariables(tokens.value, values);
  if (missing) return { ok: false, error: missing };
  return { ok: true, value: fill(tokens.value, values) };
}

/**
 * Values go in verbatim: braces inside a value are text, as in Python. Filling stops after
 * `maxLength` characters: a template that repeats a long value can grow past what a string holds.
 */
function fill(
  segments: readonly Segment[],
  values: Readonly<Record<string, string>>,
  maxLength = Infinity,
  missing: "empty" | "named" = "empty",
): string {
  let text = "";
  for (const segment of segments) {
    const value =
      segment.kind === "text" ? segment.text : Object.hasOwn(values, segment.name) ? (values[segment.name] ?? "") : "";
    const part = segment.kind === "variable" && value === "" && missing === "named" ? `{${segment.name}}` : value;
    text += part.slice(0, maxLength - text.length);
    if (text.length >= maxLength) break;
  }
  return text;
}

function filledLength(segments: readonly Segment[], values: Readonly<Record<string, string>>): number {
  let length = 0;
  for (const segment of segments) {
    length +=
      segment.kind === "text"
        ? segment.text.length
        : (Object.hasOwn(values, segment.name) ? (values[segment.name] ?? "") : "").length;
  }
  return length;
}

/**
 * The first `maxLength` characters of a template as rendered, for titles: a variable without a
 * value stays as its name ("Say hello to {name}", not "Say hello to ").
 */
export function renderTemplatePrefix(
  text: string,
  values: Readonly<Record<string, string>>,
  maxLength: number,
): RenderTemplateResult {
  const tokens = tokenize(text);
  if (!tokens.ok) return { ok: false, error: { code: "invalid_template", message: tokens.error.message } };
  return { ok: true, value: fill(tokens.value, values, maxLength, "named") };
}

/** Where a templated text sits in a prompt. */
export type TemplatePlace = { kind: "system" } | { kind: "message"; index: number } | { kind: "composer" };

/** The texts of a prompt that are templates, with where each sits, in reading order. */
export function templatedParts(prompt: TemplatedPrompt): { place: TemplatePlace; text: string }[] {
  const parts: { place: TemplatePlace; text: string }[] = [{ place: { kind: "system" }, text: prompt.system }];
  prompt.messages.forEach((message, index) => {
    if (isTemplated(message.role)) parts.push({ place: { kind: "message", index }, text: message.content });
  });
  if (prompt.composer !== undefined) parts.push({ place: { kind: "composer" }, text: prompt.composer });
  return parts;
}

/** The texts of a prompt that are templates, in reading order. */
export function templatedTexts(prompt: TemplatedPrompt): string[] {
  return templatedParts(prompt).map((part) => part.text);
}

/**
 * Variables across the system message, user messages and the composer, in order
 * of first appearance. A text with a template error contributes none; its error is reported
 * where it is rendered.
 */
export function collectVariables(prompt: TemplatedPrompt): string[] {
  return unique(
    templatedTexts(prompt).flatMap((text) => {
      const parsed = parseTemplate(text);
      return parsed.ok ? parsed.value.variables : [];
    }),
  );
}

export type RenderPromptResult<M> =
  { ok: true; value: { system: string; messages: M[] } } | { ok: false; error: RenderError };

/**
 * Renders the system message and every user message with one set of values.
 * The first template error wins, prefixed with where it is; otherwise every missing value is
 * named at once, so the user fills them all in one go. `allowMissing` renders missing values
 * as empty text (for exports, which show the gap instead of refusing).
 */
export function renderPrompt<M extends { role: string; content: string }>(
  prompt: { system: string; messages: readonly M[] },
  values: Readonly<Record<string, string>>,
  options: { allowMissing?: boolean; maxLength?: number } = {},
): RenderPromptResult<M> {
  const texts = [
    { label: "System message", text: prompt.system },
    ...prompt.messages.map((message, index) => ({
      label: `Message ${index + 1}`,
      text: isTemplated(message.role) ? message.content : "",
    })),
  ];
  const parsed: Segment[][] = [];
  for (const { label, text } of texts) {
    const tokens = tokenize(text);
    if (!tokens.ok) {
      return {
        ok: false,
        error: { code: "invalid_template", message: `${label}: ${tokens.error.message}` },
      };
    }
    parsed.push(tokens.value);
  }
  const missing = missingVariables(parsed.flat(), values);
  if (missing && !options.allowMissing) return { ok: false, error: missing };
  const length = parsed.reduce((sum, segments) => sum + filledLength(segments, values), 0);
  if (options.maxLength !== undefined && length > options.maxLength) {
    return {
      ok: false,
      error: { code: "too_long", message: `Filled in, the prompt would be ${length} characters long.` },
    };
  }
  const [system = [], ...messages] = parsed;
  return {
    ok: true,
    value: {
      system: fill(system, values),
      messages: prompt.messages.map((message, index) =>
        isTemplated(message.role) ? { ...message, content: fill(messages[index] ?? [], values) } : message,
      ),
    },
  };
}

/** Doubles every brace so that `text` reads literally inside a template. */
export function escapeForTemplate(text: string): string {
  return text.replace(/[{}]/g, (brace) => brace + brace);
}

/**
 * The text with the braces that break it read as literal: the brace where parsing fails, and
 * with it, for a `{`, everything up to its balanced `}` (a JSON object pasted into a prompt, say).
 * Undefined when the text parses. One call fixes the first problem; the next may show another.
 */
export function escapeOffendingBraces(text: string): string | undefined {
  const tokens = tokenize(text);
  if (tokens.ok) return undefined;
  const start = tokens.error.index;
  let end = start;
  if (text[start] === "{") {
    let depth = 0;
    for (let i = start; i < text.length; i += 1) {
      if (text[i] === "{") depth += 1;
      else if (text[i] === "}") depth -= 1;
      if (depth === 0) {
        end = i;
        break;
      }
    }
  }
  return text.slice(0, start) + escapeForTemplate(text.slice(start, end + 1)) + text.slice(end + 1);
}

/**
 * `{{name}}` as Mustache and Jinja write a variable (spaces inside allowed), but not `{{{` or `}}}`
 * runs: here `{{` is a literal brace, so such a prompt sends the braces as text.
 */
const MUSTACHE_VARIABLE = new RegExp(String.raw`(?<!\{)\{\{\s*(${NAME})\s*\}\}(?!\})`, "gu");

/** The names of the Mustache-style `{{name}}` variables of a text, in order of first appearance. */
export function mustacheVariables(text: string): string[] {
  return unique([...text.matchAll(MUSTACHE_VARIABLE)].map((match) => match[1] ?? ""));
}

/** Turns every Mustache-style `{{name}}` into this dialect's `{name}`. */
export function convertMustacheVariables(text: string): string {
  return text.replace(MUSTACHE_VARIABLE, (_match, name: string) => `{${name}}`);
}
