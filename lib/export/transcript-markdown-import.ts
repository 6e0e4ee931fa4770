import { generateId } from "ai";
import { english, t } from "@/lib/i18n";
import { describeIssues } from "@/lib/http/errors";
import { parseJson } from "@/lib/json";
import {
  defaultParameters,
  promptSnapshotSchema,
  REASONING_EFFORTS,
  type AnswerMetadata,
  type Attachment,
  type ConversationMessage,
  type Parameters,
  type PromptSnapshot,
  type ToolCall,
  type ToolDefinition,
} from "@/lib/workspace/model";
import { unsetParameterText, type NullableParameter } from "@/lib/i18n/parameter-words";
import { linesWithFences, nextFenceState } from "./markdown-fences";
import { isStructure, STATUS_LINES, unescapeStructure } from "./transcript-markdown-syntax";
import type { TranscriptParseResult } from "./transcript-json";

/**
 * Reads a transcript exported as Markdown (`toMarkdown`) back into a prompt: the title, the
 * parameters, tools, variables, system message and every message with its role, tool calls,
 * thinking, usage line and attachments. What the file does not carry (ids, a tool's canned
 * result, an answer's response id) is new or absent. Nothing partial is returned.
 */
export function parseTranscriptMarkdown(text: string): TranscriptParseResult {
  const sections = splitSections(text.replace(/\r\n?/g, "\n"));
  if (!sections.some((s) => s.heading === "## Conversation") || !sections.some((s) => s.heading === "## Parameters")) {
    return failure(t("transfer.markdownNotExport"));
  }
  const title = sections[0]?.heading.startsWith("# ") ? sections[0].heading.slice(2).trim() : undefined;
  let parameters: Parameters = { ...defaultParameters, tools: [] };
  let system = "";
  const variables: Record<string, string> = {};
  const messages: ConversationMessage[] = [];
  const tools: ToolDefinition[] = [];
  try {
    for (const { heading, body } of sections) {
      if (heading === "## Parameters") parameters = readParameters(body);
      else if (heading.startsWith("### Tool `")) tools.push(readTool(heading, body));
      else if (heading === "## Variables") Object.assign(variables, readVariables(body));
      else if (heading === "## System") system = unescapeStructure(body.join("\n"));
      else if (heading === "### User") messages.push(readUser(body));
      else if (heading === "### Assistant") messages.push(readAssistant(body));
      else if (heading.startsWith("### Tool result ")) messages.push(readToolResult(heading, body));
    }
  } catch (error) {
    if (!(error instanceof MarkdownError)) throw error;
    return failure(error.message);
  }
  const parsed = promptSnapshotSchema.safeParse({
    system,
    messages,
    parameters: { ...parameters, tools },
    variables,
  } satisfies PromptSnapshot);
  if (!parsed.success) return failure(t("transfer.markdownInvalid", { detail: describeIssues(parsed.error) }));
  return {
    ok: true,
    value: {
      format: "mistral-playground.transcript",
      version: 1,
      exportedAt: new Date().toISOString(),
      title,
      snapshot: parsed.data,
    },
  };
}

class MarkdownError extends Error {}

function failure(message: string): TranscriptParseResult {
  return { ok: false, error: { message } };
}

type Section = { heading: string; body: string[] };

const HEADING =
  /^(?:# .*|## (?:Parameters|Variables|System|Conversation)|### (?:User|Assistant)|### Tool(?: result)? `.*)$/;

/** The document cut at its structural headings (outside code blocks), bodies without edge blank lines. */
function splitSections(text: string): Section[] {
  const sections: Section[] = [];
  let current: Section | undefined;
  for (const { line, outside } of linesWithFences(text)) {
    const heading = outside && HEADING.test(line) && (!line.startsWith("# ") || sections.length === 0);
    if (heading) {
      current = { heading: line, body: [] };
      sections.push(current);
    } else current?.body.push(line);
  }
  for (const section of sections) section.body = trimBlankLines(section.body);
  return sections;
}

function trimBlankLines(lines: string[]): string[] {
  let start = 0;
  let end = lines.length;
  while (start < end && lines[start]?.trim() === "") start += 1;
  while (end > start && lines[end - 1]?.trim() === "") end -= 1;
  return lines.slice(start, end);
}

/** The text of inline code as `inlineCode` wrote it, or undefined when `text` is not one span. */
function unwrapInline(text: string): string | undefined {
  const match = /^(`+)([\s\S]*?)\1$/.exec(text.trim());
  if (!match?.[2]) return undefined;
  const inner = match[2];
  return inner.startsWith(" ") && inner.endsWith(" ") && inner.trim() !== "" ? inner.slice(1, -1) : inner;
}

/** Every inline code span of a line, in order. */
function inlineSpans(text: string): string[] {
  return [...text.matchAll(/(`+)(.+?)\1(?!`)/g)].map((m) => unwrapInline(m[0]) ?? "");
}

/** The fenced block starting at `lines[start]`, dedented by `indent` spaces; `end` is the line after it. */
function readFence(lines: readonly string[], start: number, indent = 0): { text: string; end: number } {
  const dedent = (line: string) => (line.startsWith(" ".repeat(indent)) ? line.slice(indent) : line);
  const first = dedent(lines[start] ?? "");
  let open = nextFenceState(null, first);
  if (!open) throw new MarkdownError(t("transfer.markdownBroken", { line: first }));
  const content: string[] = [];
  let index = start + 1;
  for (; index < lines.length; index += 1) {
    const line = dedent(lines[index] ?? "");
    open = nextFenceState(open, line);
    if (!open) return { text: content.join("\n"), end: index + 1 };
    content.push(line);
  }
  throw new MarkdownError(t("transfer.markdownBroken", { line: first }));
}

function nextNonBlank(lines: readonly string[], from: number): number {
  let index = from;
  while (index < lines.length && lines[index]?.trim() === "") index += 1;
  return index;
}

const UNSET_WORDS = ["model default", "none", "no limit", "random", "not set"];

function readNullableNumber(name: NullableParameter, label: string, value: string): number | null {
  if (value === unsetParameterText(name, english) || UNSET_WORDS.includes(value)) return null;
  const number = Number(value);
  if (value === "" || !Number.isFinite(number)) throw badParameter(label, value);
  return number;
}

function badParameter(label: string, value: string): MarkdownError {
  return new MarkdownError(t("transfer.markdownBadParameter", { label, value }));
}

function readParameters(lines: readonly string[]): Parameters {
  const parameters: Parameters = { ...defaultParameters };
  for (let index = 0; index < lines.length; index += 1) {
    const item = /^- \*\*(.+?):\*\*\s?(.*)$/.exec(lines[index] ?? "");
    if (!item) continue;
    const [, label = "", value = ""] = item;
    // A schema or a predicted output follows its item as a fenced block.
    const blockAt = nextNonBlank(lines, index + 1);
    const block = /^ {0,3}(`{3,}|~{3,})/.test(lines[blockAt] ?? "") ? readFence(lines, blockAt) : undefined;
    if (block && (label === "Response format" || label === "Predicted output")) index = block.end - 1;
    readParameter(parameters, label, value.trim(), block?.text);
  }
  return parameters;
}

function readParameter(parameters: Parameters, label: string, value: string, block: string | undefined): void {
  switch (label) {
    case "Model":
      parameters.model = unwrapInline(value) ?? value;
      return;
    case "Temperature":
      parameters.temperature = readNullableNumber("temperature", label, value);
      return;
    case "Max tokens":
      parameters.maxTokens = readNullableNumber("maxTokens", label, value);
      return;
    case "Top p":
      parameters.topP = readNullableNumber("topP", label, value);
      return;
    case "Seed":
      parameters.randomSeed = readNullableNumber("randomSeed", label, value);
      return;
    case "Presence penalty":
      parameters.presencePenalty = readNullableNumber("presencePenalty", label, value);
      return;
    case "Frequency penalty":
      parameters.frequencyPenalty = readNullableNumber("frequencyPenalty", label, value);
      return;
    case "Max retries": {
      const retries = Number(value);
      if (!Number.isInteger(retries)) throw badParameter(label, value);
      parameters.maxRetries = retries;
      return;
    }
    case "Reasoning effort": {
      const effort = REASONING_EFFORTS.find((candidate) => candidate === value);
      if (effort) parameters.reasoningEffort = effort;
      else if (value === unsetParameterText("reasoningEffort", english) || UNSET_WORDS.includes(value))
        parameters.reasoningEffort = null;
      else throw badParameter(label, value);
      return;
    }
    case "Stop":
      parameters.stop = value === "none" ? [] : inlineSpans(value).map((span) => readJsonString(label, span));
      return;
    case "Safe prompt":
      parameters.safePrompt = value === "on";
      return;
    case "Response format":
      parameters.responseFormat = readResponseFormat(value, block);
      return;
    case "Tools":
      readToolChoice(parameters, value);
      return;
    case "Predicted output":
      parameters.prediction = value === "none" ? "" : (block ?? "");
      return;
  }
}

function readJsonString(label: string, text: string): string {
  const parsed = parseJson(text);
  if (parsed.ok && typeof parsed.value === "string") return parsed.value;
  throw badParameter(label, text);
}

function readResponseFormat(value: string, block: string | undefined): Parameters["responseFormat"] {
  const [type, name] = inlineSpans(value);
  if (type === "text" || type === "json_object") return { type };
  if (type === "json_schema" && name !== undefined && block !== undefined) {
    return { type, name, schema: block, strict: /, strict$/.test(value) };
  }
  throw badParameter("Response format", value);
}

function readToolChoice(parameters: Parameters, value: string): void {
  if (value === "none") return;
  const choice = /\(choice: (.+); parallel calls (on|off)\)$/.exec(value);
  if (!choice?.[1]) throw badParameter("Tools", value);
  const named = /^function (.+)$/.exec(choice[1]);
  if (named?.[1]) parameters.toolChoice = { type: "function", name: named[1] };
  else if (choice[1] === "auto" || choice[1] === "none" || choice[1] === "any") parameters.toolChoice = choice[1];
  else throw badParameter("Tools", value);
  parameters.parallelToolCalls = choice[2] === "on";
}

function readTool(heading: string, body: readonly string[]): ToolDefinition {
  const name = unwrapInline(heading.slice("### Tool ".length)) ?? "";
  const fenceAt = body.findIndex((line) => /^ {0,3}(`{3,}|~{3,})/.test(line));
  if (fenceAt === -1) throw new MarkdownError(t("transfer.markdownBroken", { line: heading }));
  const description = body.slice(0, fenceAt).join(" ").trim();
  return { name, description, parameters: readFence(body, fenceAt).text };
}

function readVariables(lines: readonly string[]): Record<string, string> {
  const variables: Record<string, string> = {};
  for (let index = 0; index < lines.length; index += 1) {
    const item = /^- (`+.*?`+) =(?: (.*))?$/.exec(lines[index] ?? "");
    if (!item?.[1]) continue;
    const braced = unwrapInline(item[1]) ?? "";
    // `{name}`; exports before one wording everywhere wrote `{{name}}`.
    const name = /^\{\{(.*)\}\}$/.exec(braced)?.[1] ?? /^\{(.*)\}$/.exec(braced)?.[1] ?? braced;
    if (item[2] !== undefined) {
      variables[name] = unwrapInline(item[2]) ?? item[2];
      continue;
    }
    const fence = readFence(lines, nextNonBlank(lines, index + 1), 2);
    variables[name] = fence.text;
    index = fence.end - 1;
  }
  return variables;
}

const ATTACHMENT = /^(!?)\[((?:\\.|[^\]\\])*)\]\(<([^>]*)>\)$/;

function readUser(body: readonly string[]): ConversationMessage {
  const lines = [...body];
  const attachments: Attachment[] = [];
  // Attachments are the trailing lines written as `![name](<url>)` (images) or `[name](<url>)`.
  for (let last = lines.at(-1); last !== undefined && ATTACHMENT.test(last); last = lines.at(-1)) {
    const [, bang, name = "", url = ""] = ATTACHMENT.exec(last) ?? [];
    attachments.unshift({
      kind: bang ? "image" : "document",
      id: generateId(),
      name: name.replace(/\\([[\]\\])/g, "$1"),
      url: decodeURIComponent(url),
    });
    lines.pop();
    while (lines.at(-1)?.trim() === "") lines.pop();
  }
  const content = unescapeStructure(lines.join("\n"));
  return { id: generateId(), role: "user", content, ...(attachments.length > 0 ? { attachments } : {}) };
}

function readAssistant(body: readonly string[]): ConversationMessage {
  let index = 0;
  let reasoning: string | undefined;
  if (body[0] === "> **Thinking**") {
    const quoted: string[] = [];
    for (index = 1; index < body.length && body[index]?.startsWith(">"); index += 1) quoted.push(body[index] ?? "");
    reasoning = quoted
      .slice(1)
      .map((line) => line.replace(/^> ?/, ""))
      .join("\n");
    index = nextNonBlank(body, index);
  }
  // The answer runs up to the first structural line outside its code blocks.
  const rest = body.slice(index);
  const marked = linesWithFences(rest.join("\n"));
  let end = marked.findIndex(({ line, outside }) => outside && isStructure(line));
  if (end === -1) end = rest.length;
  const content = unescapeStructure(trimBlankLines(rest.slice(0, end)).join("\n"));

  const toolCalls: ToolCall[] = [];
  let metadata: AnswerMetadata | undefined;
  let status: "interrupted" | "stopped" | undefined;
  for (let at = nextNonBlank(rest, end); at < rest.length; at = nextNonBlank(rest, at)) {
    const line = rest[at] ?? "";
    const call = /^\*\*Tool call\*\* (`+.+?`+) \(call (`+.+?`+)\)$/.exec(line);
    if (call?.[1] && call[2]) {
      const fence = readFence(rest, nextNonBlank(rest, at + 1));
      toolCalls.push({
        id: unwrapInline(call[2]) ?? "",
        name: unwrapInline(call[1]) ?? "",
        arguments: compactJson(fence.text),
      });
      at = fence.end;
    } else if (line === STATUS_LINES.interrupted) {
      status = "interrupted";
      at += 1;
    } else if (line === STATUS_LINES.stopped) {
      status = "stopped";
      at += 1;
    } else if (/^_Usage: .*_$/.test(line)) {
      metadata = readUsageLine(line.slice("_Usage: ".length, -1));
      at += 1;
    } else {
      throw new MarkdownError(t("transfer.markdownBroken", { line }));
    }
  }
  return {
    id: generateId(),
    role: "assistant",
    content,
    ...(reasoning !== undefined ? { reasoning } : {}),
    ...(toolCalls.length > 0 ? { toolCalls } : {}),
    ...(metadata ? { metadata } : {}),
    ...(status ? { status } : {}),
  };
}

/** The model wrote the arguments as compact JSON; the export only indented them for reading. */
function compactJson(text: string): string {
  const parsed = parseJson(text);
  return parsed.ok ? JSON.stringify(parsed.value) : text;
}

function readUsageLine(line: string): AnswerMetadata {
  const metadata: AnswerMetadata = {};
  for (const part of line.split(" · ")) {
    const tokens = /^(\d+) prompt \+ (\d+) completion = (\d+) tokens(?:, (\d+) cached)?$/.exec(part);
    const finish = /^finish: (.+)$/.exec(part);
    const seconds = /^(\d+(?:\.\d+)?) s$/.exec(part);
    if (tokens) {
      metadata.usage = {
        promptTokens: Number(tokens[1]),
        completionTokens: Number(tokens[2]),
        totalTokens: Number(tokens[3]),
        ...(tokens[4] ? { cachedTokens: Number(tokens[4]) } : {}),
      };
    } else if (finish?.[1]) metadata.finishReason = finish[1];
    else if (seconds?.[1]) metadata.durationMs = Math.round(Number(seconds[1]) * 1000);
    else metadata.model = unwrapInline(part) ?? part;
  }
  return metadata;
}

function readToolResult(heading: string, body: readonly string[]): ConversationMessage {
  const spans = inlineSpans(heading.slice("### Tool result ".length));
  const fenceAt = nextNonBlank(body, 0);
  const content = fenceAt < body.length ? readFence(body, fenceAt).text : "";
  return { id: generateId(), role: "tool", name: spans[0] ?? "", toolCallId: spans[1] ?? "", content };
}
