import { needsReasoningPromptMode } from "@/lib/chat/build-request";
import { toModelMessages } from "@/lib/chat/model-messages";
import { commentText, typescriptKey, typescriptString, typescriptValue } from "./literals";
import type { PreparedPrompt } from "./prepare";

/**
 * An AI SDK 7 program (`npm install ai @ai-sdk/mistral`) that streams the answer to stdout and
 * then prints the usage. It only uses erasable TypeScript, so Node runs it as it is.
 */

function toolSet(prepared: PreparedPrompt): string {
  const entries = prepared.tools.map((tool) =>
    [
      `    ${typescriptKey(tool.name)}: tool({`,
      `      description: ${typescriptString(tool.description)},`,
      `      inputSchema: jsonSchema(${typescriptValue(tool.parameters, 6)}),`,
      "    }),",
    ].join("\n"),
  );
  return ["  tools: {", ...entries, "  },"].join("\n");
}

function options(prepared: PreparedPrompt): { lines: string[]; imports: Set<string> } {
  const parameters = prepared.snapshot.parameters;
  const imports = new Set(["streamText"]);
  const lines: string[] = [];
  if (parameters.temperature !== null) lines.push(`  temperature: ${parameters.temperature},`);
  if (parameters.maxTokens !== null) lines.push(`  maxOutputTokens: ${parameters.maxTokens},`);
  if (parameters.topP !== null) lines.push(`  topP: ${parameters.topP},`);
  if (parameters.randomSeed !== null) lines.push(`  seed: ${parameters.randomSeed},`);
  if (parameters.stop.length > 0) lines.push(`  stopSequences: ${typescriptValue(parameters.stop, 2)},`);
  if (parameters.presencePenalty !== null) lines.push(`  presencePenalty: ${parameters.presencePenalty},`);
  if (parameters.frequencyPenalty !== null) lines.push(`  frequencyPenalty: ${parameters.frequencyPenalty},`);
  lines.push(`  maxRetries: ${parameters.maxRetries},`);

  const format = parameters.responseFormat;
  if (format.type === "json_object") {
    imports.add("Output");
    lines.push(
      "  // Sends response_format json_object. The AI SDK also appends a line asking for JSON",
      "  // to the instructions.",
      "  output: Output.json(),",
    );
  }
  if (format.type === "json_schema") {
    imports.add("Output").add("jsonSchema");
    lines.push(
      "  output: Output.object({",
      `    name: ${typescriptString(format.name)},`,
      `    schema: jsonSchema(${typescriptValue(prepared.responseSchema, 4)}),`,
      "  }),",
    );
  }

  if (prepared.tools.length > 0) {
    imports.add("tool").add("jsonSchema");
    lines.push(toolSet(prepared));
    const choice = parameters.toolChoice;
    if (typeof choice === "object") {
      lines.push(`  toolChoice: { type: "tool", toolName: ${typescriptString(choice.name)} },`);
    } else if (choice !== "auto") {
      // Mistral's "any" is the AI SDK's "required".
      lines.push(`  toolChoice: ${typescriptString(choice === "any" ? "required" : choice)},`);
    }
  }

  const mistral: Record<string, boolean | string> = {};
  // @ai-sdk/mistral takes these reasoning efforts; the others, prediction and prompt_mode only
  // through a custom fetch (the playground's relay writes them into the body).
  const effort = parameters.reasoningEffort;
  if (effort && ["none", "low", "medium", "high"].includes(effort)) mistral.reasoningEffort = effort;
  const unsupported = [
    ...(effort && !("reasoningEffort" in mistral) ? [`reasoning_effort "${effort}"`] : []),
    ...(parameters.prediction !== "" ? ["prediction"] : []),
    ...(needsReasoningPromptMode(parameters.model, effort) ? ['prompt_mode "reasoning"'] : []),
  ];
  if (unsupported.length > 0)
    lines.push(`  // Not sent by @ai-sdk/mistral: ${unsupported.join(", ")}; see the curl version.`);
  if (parameters.safePrompt) mistral.safePrompt = true;
  if (prepared.tools.length > 0 && !parameters.parallelToolCalls) mistral.parallelToolCalls = false;
  if (format.type === "json_schema") mistral.strictJsonSchema = format.strict;
  if (Object.keys(mistral).length > 0) {
    const entries = Object.entries(mistral).map(
      ([name, value]) => `${name}: ${typeof value === "string" ? typescriptString(value) : value}`,
    );
    lines.push(`  providerOptions: { mistral: { ${entries.join(", ")} } },`);
  }
  return { lines, imports };
}

export function aiSdkCode(prepared: PreparedPrompt): string {
  const parameters = prepared.snapshot.parameters;
  const { lines: optionLines, imports } = options(prepared);
  // The same conversion the playground's chat route uses, so both send the same request.
  const { messages } = toModelMessages(prepared.messages);
  return [
    "// npm install ai @ai-sdk/mistral",
    ...prepared.notes.map((note) => `// ${commentText(note)}`),
    'import { createMistral } from "@ai-sdk/mistral";',
    `import { ${[...imports].sort((a, b) => a.localeCompare(b)).join(", ")} } from "ai";`,
    "",
    "const mistral = createMistral({",
    "  apiKey: process.env.MISTRAL_API_KEY,",
    "  baseURL: process.env.MISTRAL_BASE_URL,",
    "});",
    "",
    "const result = streamText({",
    `  model: mistral.chat(${typescriptString(parameters.model)}),`,
    ...(prepared.system.trim() ? [`  instructions: ${typescriptString(prepared.system)},`] : []),
    `  messages: ${typescriptValue(messages, 2)},`,
    ...optionLines,
    "});",
    "",
    "for await (const text of result.textStream) process.stdout.write(text);",
    'process.stdout.write("\\n");',
    ...(prepared.tools.length > 0 ? ['console.log("Tool calls:", await result.toolCalls);'] : []),
    'console.log("Usage:", await result.usage);',
    "",
  ].join("\n");
}
