/**
 * What the fake "model" says. Everything is a pure function of the request (or of a scripted
 * response), so tests and screenshots are stable.
 */
import { createHash } from "node:crypto";
import type { ScriptedResponse } from "./control.ts";
import type { Message, Tool } from "./conversation.ts";
import { minimalInstance } from "./json-instance.ts";

export type ChatRequest = {
  model: string;
  messages: Message[];
  stream?: boolean;
  max_tokens?: number | null;
  stop?: string | string[] | null;
  response_format?: { type?: string; json_schema?: { name?: string; schema: unknown } | null };
  tools?: Tool[] | null;
  tool_choice?: string | { function: { name: string } };
  prompt_mode?: string | null;
  reasoning_effort?: string | null;
};

export type Usage = { prompt_tokens: number; completion_tokens: number; total_tokens: number };
export type GeneratedToolCall = { id: string; name: string; arguments: string };
/**
 * How thinking arrives (FACTS §3.5): `chunks`, Magistral's way, every delta an array of chunks
 * (thinking, then text); `switch`, current reasoning models', thinking in arrays, one array closing
 * the thinking and opening the text, then plain strings.
 */
export type ThinkingStyle = "chunks" | "switch";
export type Completion = {
  pieces: string[];
  toolCalls: GeneratedToolCall[];
  finishReason: string;
  usage: Usage;
  thinking?: { pieces: string[]; style: ThinkingStyle };
};

/** Magistral always thinks; models with the `reasoning` capability when `reasoning_effort` asks. */
export function thinkingStyle(
  request: ChatRequest,
  model: { reasoning: boolean; promptMode: boolean },
): ThinkingStyle | undefined {
  if (model.promptMode) return "chunks";
  if (model.reasoning && request.reasoning_effort != null && request.reasoning_effort !== "none") return "switch";
  return undefined;
}

type Chunk = { type?: string; text?: unknown; image_url?: unknown };

/** The images of a message's content (`image_url` chunks). */
export function imageCount(content: unknown): number {
  return Array.isArray(content) ? (content as Chunk[]).filter((c) => c.type === "image_url").length : 0;
}

const translations: Record<string, string> = {
  english: "I love programming.",
  french: "J'adore la programmation.",
  german: "Ich liebe das Programmieren.",
  spanish: "Me encanta programar.",
  italian: "Amo programmare.",
  portuguese: "Eu amo programar.",
  chinese: "我喜欢编程。",
  "simplified chinese": "我喜欢编程。",
  "traditional chinese": "我喜歡程式設計。",
  japanese: "私はプログラミングが大好きです。",
  korean: "저는 프로그래밍을 좋아합니다.",
};
const TRANSLATABLE = "I love programming.";
/** A user turn that asks which model answers gets an answer naming it, so models differ. */
const MODEL_QUESTION = /\bwhich model\b/i;

export function messageText(content: unknown): string {
  if (typeof content === "string") return content;
  if (!Array.isArray(content)) return "";
  return content
    .map((chunk: { type?: string; text?: unknown }) =>
      chunk.type === "text" && typeof chunk.text === "string" ? chunk.text : "",
    )
    .join("");
}

/** Text of a message as the token count sees it: content plus tool-call names and arguments. */
function countedText(message: Message): string {
  const calls = message.role === "assistant" ? (message.tool_calls ?? []) : [];
  const args = calls.map(
    (c) =>
      c.function.name +
      (typeof c.function.arguments === "string" ? c.function.arguments : JSON.stringify(c.function.arguments)),
  );
  return messageText("content" in message ? message.content : null) + args.join("");
}

/**
 * Deterministic stand-in for the tokenizer: every message costs 4 tokens of framing plus one token
 * per started 4 characters (UTF-16 code units) of its text; tool definitions cost one token per
 * started 4 characters of their JSON.
 */
export function countPromptTokens(request: Pick<ChatRequest, "messages" | "tools">): number {
  const messages = request.messages.reduce((sum, m) => sum + 4 + Math.ceil(countedText(m).length / 4), 0);
  const tools = request.tools?.length ? Math.ceil(JSON.stringify(request.tools).length / 4) : 0;
  return messages + tools;
}

/** Word-ish pieces with the leading space attached, like the real streams ("Hello", ", ", " This"). */
export function splitIntoPieces(text: string): string[] {
  const pieces: string[] = [];
  let pendingSpace = "";
  for (const { segment } of new Intl.Segmenter("en", { granularity: "word" }).segment(text)) {
    if (segment.trim() === "") pendingSpace += segment;
    else {
      pieces.push(pendingSpace + segment);
      pendingSpace = "";
    }
  }
  if (pendingSpace !== "") pieces.push(pendingSpace);
  return pieces;
}

/** Tool-call ids are 9 alphanumerics (FACTS §2, §7.5); derived from the conversation so they repeat. */
function toolCallId(request: ChatRequest, index: number): string {
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  const digest = createHash("sha256").update(JSON.stringify(request.messages)).update(String(index)).digest();
  return Array.from(digest.subarray(0, 9), (byte) => alphabet[byte % alphabet.length]).join("");
}

function completionTokensOf(pieces: string[], toolCalls: GeneratedToolCall[]): number {
  return pieces.length + toolCalls.reduce((sum, c) => sum + Math.ceil((c.name.length + c.arguments.length) / 4), 0);
}

function usageFor(request: ChatRequest, completionTokens: number): Usage {
  const prompt = countPromptTokens(request);
  return { prompt_tokens: prompt, completion_tokens: completionTokens, total_tokens: prompt + completionTokens };
}

function targetLanguage(systemText: string): string | undefined {
  // "…to German", or a language named in two words ("…to Traditional Chinese").
  for (const match of systemText.matchAll(/\b(?:in)?to\s+([\p{L}]+)(?:\s+([\p{L}]+))?/giu)) {
    const one = match[1]?.toLowerCase();
    const two = match[2] === undefined ? undefined : `${one} ${match[2].toLowerCase()}`;
    if (two !== undefined && two in translations) return two;
    if (one !== undefined && one in translations) return one;
  }
  return undefined;
}

function functionTools(request: ChatRequest): { name: string; parameters: unknown }[] {
  return (request.tools ?? []).flatMap((tool) => (tool.function ? [tool.function] : []));
}

/**
 * A tool is called when `tool_choice` forces it ("any"/"required"/a named function), or under
 * "auto" when the last user message names a function (e.g. "use get_weather"); the arguments are
 * a minimal valid instance of the function's parameter schema.
 */
function chooseTool(request: ChatRequest, last: Message): { name: string; parameters: unknown } | undefined {
  const tools = functionTools(request);
  const choice = request.tool_choice ?? "auto";
  if (typeof choice === "object") return tools.find((t) => t.name === choice.function.name);
  if (choice === "any" || choice === "required") return tools[0];
  if (choice !== "auto" || last.role !== "user") return undefined;
  const text = messageText(last.content).toLowerCase();
  return tools.find((t) => text.includes(t.name.toLowerCase()));
}

function toolResultAnswer(messages: Message[], result: Extract<Message, { role: "tool" }>): string {
  const call = messages
    .flatMap((m) => (m.role === "assistant" ? (m.tool_calls ?? []) : []))
    .find((c) => c.id === result.tool_call_id);
  const name = result.name ?? call?.function.name;
  return `${name ? `The ${name} tool` : "The tool"} returned: ${messageText(result.content)}`;
}

function plainAnswer(request: ChatRequest): string {
  const { messages } = request;
  const last = messages.at(-1);
  if (last?.role === "tool") return toolResultAnswer(messages, last);
  const lastUser = [...messages].reverse().find((m) => m.role === "user");
  const userText = messageText(lastUser?.content ?? "");
  const systemText = messages
    .filter((m) => m.role === "system")
    .map((m) => messageText(m.content))
    .join("\n");
  const language = userText.trim() === TRANSLATABLE ? targetLanguage(systemText) : undefined;
  const images = imageCount(lastUser?.content);
  const seen = images === 0 ? "" : `I see ${images} image${images === 1 ? "" : "s"}. `;
  const answer = language
    ? translations[language]!
    : MODEL_QUESTION.test(userText)
      ? `I am ${request.model}. ${seen}You said: ${userText}`
      : `${seen}You said: ${userText}`;
  // Mistral's prefix guide slices the prefix off the returned content, so the answer starts with it.
  return last?.role === "assistant" && last.prefix ? `${messageText(last.content)} ${answer}` : answer;
}

/** The structured output Compare's judge asks for (`lib/compare/judge.ts`). */
const JUDGE_SCHEMA_NAME = "judge_verdict";

/**
 * A judge's verdict, deterministic: the rubric is what follows `Rubric:` in the system message,
 * the graded answer what follows `Answer:` in the last user message; the answer passes when it
 * contains every "double-quoted" phrase of the rubric (any case).
 */
function judgeVerdict(request: ChatRequest): { pass: boolean; reason: string } {
  const system = request.messages
    .filter((m) => m.role === "system")
    .map((m) => messageText(m.content))
    .join("\n");
  const rubric = system.split("Rubric:").slice(1).join("Rubric:");
  const lastUser = [...request.messages].reverse().find((m) => m.role === "user");
  const answer = messageText(lastUser?.content ?? "")
    .split("Answer:")
    .slice(1)
    .join("Answer:")
    .toLowerCase();
  const phrases = [...rubric.matchAll(/"([^"]+)"/g)].map((match) => match[1]!);
  const missing = phrases.find((phrase) => !answer.includes(phrase.toLowerCase()));
  if (missing !== undefined) return { pass: false, reason: `The answer does not mention "${missing}".` };
  if (phrases.length === 0) return { pass: true, reason: "The answer meets the rubric." };
  return { pass: true, reason: `The answer mentions ${phrases.map((p) => `"${p}"`).join(", ")}.` };
}

function shapeAsJson(request: ChatRequest, text: string): string {
  const format = request.response_format;
  if (format?.type === "json_schema" && format.json_schema?.name === JUDGE_SCHEMA_NAME)
    return JSON.stringify(judgeVerdict(request));
  if (format?.type === "json_schema" && format.json_schema)
    return JSON.stringify(minimalInstance(format.json_schema.schema));
  if (format?.type === "json_object") return JSON.stringify({ answer: text });
  return text;
}

/** Cut at the first stop sequence (finish "stop"), then at `max_tokens` pieces (finish "length"). */
function limit(request: ChatRequest, text: string): { pieces: string[]; finishReason: string } {
  const stops = request.stop == null ? [] : Array.isArray(request.stop) ? request.stop : [request.stop];
  const cut = Math.min(
    ...stops
      .filter((s) => s !== "")
      .map((s) => text.indexOf(s))
      .filter((i) => i >= 0),
    text.length,
  );
  const pieces = splitIntoPieces(text.slice(0, cut));
  const max = request.max_tokens;
  if (max != null && pieces.length > max) return { pieces: pieces.slice(0, max), finishReason: "length" };
  return { pieces, finishReason: "stop" };
}

/** What the fake "thinks" about a request: its last user text, quoted. */
export function thinkingAbout(request: ChatRequest): string {
  const lastUser = [...request.messages].reverse().find((m) => m.role === "user");
  return `The user wrote "${messageText(lastUser?.content ?? "")}". I should answer briefly and repeat it back.`;
}

/** Adds the thinking (and its tokens) for a model that thinks on this request. */
export function withThinking(
  completion: Completion,
  style: ThinkingStyle | undefined,
  text: string | undefined,
): Completion {
  if (!style || !text) return completion;
  const pieces = splitIntoPieces(text);
  const usage = {
    ...completion.usage,
    completion_tokens: completion.usage.completion_tokens + pieces.length,
    total_tokens: completion.usage.total_tokens + pieces.length,
  };
  return { ...completion, usage, thinking: { pieces, style } };
}

export function defaultCompletion(request: ChatRequest): Completion {
  const last = request.messages.at(-1);
  const tool = last ? chooseTool(request, last) : undefined;
  if (tool) {
    const call = {
      id: toolCallId(request, 0),
      name: tool.name,
      arguments: JSON.stringify(minimalInstance(tool.parameters)),
    };
    return {
      pieces: [],
      toolCalls: [call],
      finishReason: "tool_calls",
      usage: usageFor(request, completionTokensOf([], [call])),
    };
  }
  const { pieces, finishReason } = limit(request, shapeAsJson(request, plainAnswer(request)));
  return { pieces, toolCalls: [], finishReason, usage: usageFor(request, pieces.length) };
}

/** Scripted responses are sent as given: no stop/max_tokens cutting. */
export function scriptedCompletion(request: ChatRequest, script: ScriptedResponse): Completion {
  const pieces = script.chunks ?? splitIntoPieces(script.content ?? "");
  const toolCalls = (script.toolCalls ?? []).map((c, i) => ({
    id: c.id ?? toolCallId(request, i),
    name: c.name,
    arguments: c.arguments,
  }));
  const finishReason = script.finishReason ?? (toolCalls.length > 0 ? "tool_calls" : "stop");
  return {
    pieces,
    toolCalls,
    finishReason,
    usage: script.usage ?? usageFor(request, completionTokensOf(pieces, toolCalls)),
  };
}
