import type {
  Attachment,
  AnswerMetadata,
  AssistantMessage,
  ConversationMessage,
  Parameters,
  PromptSnapshot,
  ToolCall,
} from "@/lib/workspace/model";
import { english } from "@/lib/i18n";
import { parameterValueText } from "@/lib/i18n/parameter-words";
import { prettyJson as prettyJsonWithin } from "@/lib/render/pretty-json";
import { closeOpenFence } from "./markdown-fences";
import { escapeStructure, STATUS_LINES } from "./transcript-markdown-syntax";

/**
 * A transcript as Markdown for reading and pasting elsewhere, and for importing back
 * (`transcript-markdown-import.ts`). Message text is kept as written (it is usually Markdown
 * already), with only the lines that would read as the transcript's own structure escaped;
 * anything machine-made goes in fences long enough that its content cannot close them.
 */
export function toMarkdown({
  title,
  snapshot,
  createdAt,
}: {
  title: string;
  snapshot: PromptSnapshot;
  /** ISO 8601. */
  createdAt?: string;
}): string {
  const blocks = [`# ${oneLine(title)}`];
  if (createdAt) blocks.push(`_Shared ${createdAt}_`);
  blocks.push("## Parameters", parameterList(snapshot.parameters));
  blocks.push(...toolBlocks(snapshot.parameters));

  const variables = Object.entries(snapshot.variables);
  if (variables.length > 0) {
    blocks.push("## Variables", ...variables.map(([name, value]) => variableBlock(name, value)));
  }
  if (snapshot.system.trim()) blocks.push("## System", freeText(snapshot.system));
  blocks.push("## Conversation");
  blocks.push(...snapshot.messages.flatMap(messageBlocks));
  return `${blocks.join("\n\n")}\n`;
}

function parameterList(parameters: Parameters): string {
  const lines = [
    ["Model", inlineCode(parameters.model)],
    ["Temperature", parameterValueText("temperature", parameters.temperature, english)],
    ["Max tokens", parameterValueText("maxTokens", parameters.maxTokens, english)],
    ["Top p", parameterValueText("topP", parameters.topP, english)],
    ["Seed", parameterValueText("randomSeed", parameters.randomSeed, english)],
    ["Stop", parameters.stop.length ? parameters.stop.map((s) => inlineCode(JSON.stringify(s))).join(", ") : "none"],
    ["Safe prompt", parameters.safePrompt ? "on" : "off"],
    ["Presence penalty", parameterValueText("presencePenalty", parameters.presencePenalty, english)],
    ["Frequency penalty", parameterValueText("frequencyPenalty", parameters.frequencyPenalty, english)],
    ["Reasoning effort", parameterValueText("reasoningEffort", parameters.reasoningEffort, english)],
    ["Max retries", String(parameters.maxRetries)],
    ["Response format", responseFormatLabel(parameters)],
    ["Tools", toolsLabel(parameters)],
    [
      "Predicted output",
      parameters.prediction ? `\n\n${fenced({ text: parameters.prediction, language: "" })}` : "none",
    ],
  ];
  return lines.map(([label, value]) => `- **${label}:**${value?.startsWith("\n") ? "" : " "}${value}`).join("\n");
}

function responseFormatLabel({ responseFormat }: Parameters): string {
  if (responseFormat.type !== "json_schema") return inlineCode(responseFormat.type);
  const strict = responseFormat.strict ? ", strict" : "";
  return `${inlineCode("json_schema")} ${inlineCode(responseFormat.name)}${strict}\n\n${fenced(prettyJson(responseFormat.schema))}`;
}

function toolsLabel({ tools, toolChoice, parallelToolCalls }: Parameters): string {
  if (tools.length === 0) return "none";
  const choice = typeof toolChoice === "string" ? toolChoice : `function ${toolChoice.name}`;
  const parallel = parallelToolCalls ? "parallel calls on" : "parallel calls off";
  return `${tools.map((tool) => inlineCode(tool.name)).join(", ")} (choice: ${choice}; ${parallel})`;
}

function toolBlocks({ tools }: Parameters): string[] {
  return tools.map((tool) => {
    const description = tool.description.trim() ? `\n\n${oneLine(tool.description)}` : "";
    return `### Tool ${inlineCode(tool.name)}${description}\n\n${fenced(prettyJson(tool.parameters))}`;
  });
}

function variableBlock(name: string, value: string): string {
  const label = `- ${inlineCode(`{${name}}`)} =`;
  // Inline code loses a value's edge spaces and line breaks: those go in a fence.
  const inline = value !== "" && value === value.trim() && !value.includes("\n") && value.length <= 120;
  if (inline) return `${label} ${inlineCode(value)}`;
  return `${label}\n\n${indent(fenced({ text: value, language: "" }))}`;
}

function messageBlocks(message: ConversationMessage): string[] {
  switch (message.role) {
    case "user":
      return ["### User", freeText(message.content), ...(message.attachments ?? []).map(attachmentLine)];
    case "assistant":
      return assistantBlocks(message);
    case "tool":
      return [
        `### Tool result ${inlineCode(message.name)} (call ${inlineCode(message.toolCallId)})`,
        fenced(prettyJson(message.content)),
      ];
  }
}

/** Images are embedded (data URLs included: the file carries them), documents linked. */
function attachmentLine(attachment: Attachment): string {
  const name = attachment.name.replace(/[[\]\\]/g, "\\$&");
  const target = `<${attachment.url.replace(/[<>\s]/g, encodeURIComponent)}>`;
  return attachment.kind === "image" ? `![${name}](${target})` : `[${name}](${target})`;
}

function assistantBlocks(message: AssistantMessage): string[] {
  const blocks = ["### Assistant"];
  if (message.reasoning) {
    const quoted = message.reasoning
      .split("\n")
      .map((line) => `> ${line}`)
      .join("\n");
    blocks.push(`> **Thinking**\n>\n${quoted}`);
  }
  if (message.content) blocks.push(freeText(message.content));
  blocks.push(...(message.toolCalls ?? []).map(toolCallBlock));
  const usage = usageLine(message.metadata);
  if (usage) blocks.push(usage);
  if (message.status === "interrupted") blocks.push(STATUS_LINES.interrupted);
  if (message.status === "stopped") blocks.push(STATUS_LINES.stopped);
  return blocks;
}

function toolCallBlock(call: ToolCall): string {
  return `**Tool call** ${inlineCode(call.name)} (call ${inlineCode(call.id)})\n\n${fenced(prettyJson(call.arguments))}`;
}

function usageLine(metadata: AnswerMetadata | undefined): string | null {
  if (!metadata) return null;
  const parts: string[] = [];
  if (metadata.model) parts.push(inlineCode(metadata.model));
  const usage = metadata.usage;
  if (usage) {
    const cached = usage.cachedTokens ? `, ${usage.cachedTokens} cached` : "";
    parts.push(
      `${usage.promptTokens} prompt + ${usage.completionTokens} completion = ${usage.totalTokens} tokens${cached}`,
    );
  }
  if (metadata.finishReason) parts.push(`finish: ${metadata.finishReason}`);
  if (metadata.durationMs !== undefined) parts.push(`${(metadata.durationMs / 1000).toFixed(1)} s`);
  return parts.length > 0 ? `_Usage: ${parts.join(" · ")}_` : null;
}

interface CodeText {
  text: string;
  language: string;
}

/** JSON text re-indented for reading, within the render limits; anything else as it came. */
function prettyJson(text: string): CodeText {
  const pretty = prettyJsonWithin(text);
  return pretty.ok ? { text: pretty.text, language: "json" } : { text, language: "" };
}

/** A fence one backtick longer than the longest run inside, so the content cannot close it. */
function fenced({ text, language }: CodeText): string {
  const fence = "`".repeat(Math.max(3, longestBacktickRun(text) + 1));
  return `${fence}${language}\n${text}\n${fence}`;
}

/** Not `Math.max(...runs)`: a long text has more runs than a call can take arguments. */
function longestBacktickRun(text: string): number {
  let longest = 0;
  for (const match of text.matchAll(/`+/g)) longest = Math.max(longest, match[0].length);
  return longest;
}

/** Inline code that survives backticks in the text (CommonMark: longer delimiter, padded). */
function inlineCode(text: string): string {
  const single = oneLine(text);
  const ticks = "`".repeat(longestBacktickRun(single) + 1);
  const pad = single.startsWith("`") || single.endsWith("`") ? " " : "";
  return `${ticks}${pad}${single}${pad}${ticks}`;
}

/** A user's text as the transcript holds it: its code blocks closed, lines that read as structure escaped. */
function freeText(text: string): string {
  return escapeStructure(closeOpenFence(text));
}

function oneLine(text: string): string {
  return text.replace(/\s*\r?\n\s*/g, " ").trim();
}

function indent(text: string): string {
  return text
    .split("\n")
    .map((line) => (line ? `  ${line}` : line))
    .join("\n");
}
