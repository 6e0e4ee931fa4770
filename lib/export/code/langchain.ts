import { escapeForTemplate } from "@/lib/chat/template";
import type { ConversationMessage } from "@/lib/workspace/model";
import { commentText, pythonString, pythonValue } from "./literals";
import { needsReasoningPromptMode } from "@/lib/chat/build-request";
import { wireChunk, type PreparedPrompt } from "./prepare";
import { isJsonObject, parseJson } from "@/lib/json";

/**
 * LangChain (`pip install langchain-mistralai`). With variables, the prompt is a
 * `ChatPromptTemplate` piped into the model, so the templates stay templates; without, the
 * model is invoked with the messages as plain text.
 */

const ROLE = { user: "human", assistant: "ai" } as const;

type Imports = Set<"AIMessage" | "HumanMessage" | "ToolMessage">;

function messageEntry(
  template: ConversationMessage,
  rendered: ConversationMessage,
  options: { templated: boolean; last: boolean; imports: Imports },
): string {
  if (rendered.role === "tool") {
    options.imports.add("ToolMessage");
    return `ToolMessage(content=${pythonString(rendered.content)}, tool_call_id=${pythonString(rendered.toolCallId)}, name=${pythonString(rendered.name)})`;
  }
  const calls = rendered.role === "assistant" ? (rendered.toolCalls ?? []) : [];
  // A continued answer and tool calls need an AIMessage; message objects are never templated.
  if (rendered.role === "assistant" && (calls.length > 0 || options.last)) {
    options.imports.add("AIMessage");
    const args = [`content=${pythonString(rendered.content)}`];
    if (calls.length > 0) {
      const toolCalls = calls.map((call) => ({
        name: call.name,
        args: parseArgs(call.arguments),
        id: call.id,
      }));
      args.push(`tool_calls=${pythonValue(toolCalls, 8)}`);
    }
    if (options.last) args.push(`additional_kwargs={"prefix": True}`);
    return `AIMessage(${args.join(", ")})`;
  }
  if (rendered.role === "user" && rendered.attachments?.length) {
    // Images and documents as Mistral's content chunks, which ChatMistralAI passes through.
    options.imports.add("HumanMessage");
    const content = [
      ...(rendered.content ? [{ type: "text", text: rendered.content }] : []),
      ...rendered.attachments.map(wireChunk),
    ];
    return `HumanMessage(content=${pythonValue(content, 8)})`;
  }
  // In a template, answers are literal text: their braces are doubled.
  const text = !options.templated
    ? rendered.content
    : rendered.role === "assistant"
      ? escapeForTemplate(rendered.content)
      : template.content;
  return `(${pythonString(ROLE[rendered.role])}, ${pythonString(text)})`;
}

/** LangChain needs a dict; text that is not a JSON object is kept where the user can see it. */
function parseArgs(text: string): unknown {
  const parsed = parseJson(text);
  return parsed.ok && isJsonObject(parsed.value) ? parsed.value : { arguments: text };
}

function modelArguments(prepared: PreparedPrompt): string[] {
  const parameters = prepared.snapshot.parameters;
  const args = [`model=${pythonString(parameters.model)}`];
  if (parameters.temperature === null) {
    args.push("# temperature: the playground uses the model's default; ChatMistralAI sends 0.7 unless set.");
  } else {
    args.push(`temperature=${pythonValue(parameters.temperature)}`);
  }
  if (parameters.maxTokens !== null) args.push(`max_tokens=${parameters.maxTokens}`);
  if (parameters.topP !== null) args.push(`top_p=${pythonValue(parameters.topP)}`);
  if (parameters.randomSeed !== null) args.push(`random_seed=${parameters.randomSeed}`);
  if (parameters.safePrompt) args.push("safe_mode=True");
  args.push(
    `max_retries=${parameters.maxRetries}`,
    'api_key=os.environ["MISTRAL_API_KEY"]',
    'endpoint=os.environ.get("MISTRAL_BASE_URL", "https://api.mistral.ai/v1")',
  );
  return args.map((arg) => (arg.startsWith("#") ? `    ${arg}` : `    ${arg},`));
}

/** Tools, tool choice and response format are request options bound to the model. */
function bindings(prepared: PreparedPrompt): string[] {
  const parameters = prepared.snapshot.parameters;
  const options: string[] = [];
  // Request fields ChatMistralAI has no argument for go into the body through bind().
  if (parameters.presencePenalty !== null) options.push(`presence_penalty=${pythonValue(parameters.presencePenalty)}`);
  if (parameters.frequencyPenalty !== null)
    options.push(`frequency_penalty=${pythonValue(parameters.frequencyPenalty)}`);
  if (parameters.prediction !== "")
    options.push(`prediction=${pythonValue({ type: "content", content: parameters.prediction }, 4)}`);
  if (parameters.reasoningEffort !== null) options.push(`reasoning_effort=${pythonValue(parameters.reasoningEffort)}`);
  if (needsReasoningPromptMode(parameters.model, parameters.reasoningEffort)) options.push('prompt_mode="reasoning"');
  const format = parameters.responseFormat;
  if (format.type === "json_object") options.push(`response_format=${pythonValue({ type: "json_object" }, 4)}`);
  if (format.type === "json_schema") {
    const responseFormat = {
      type: "json_schema",
      json_schema: { name: format.name, schema: prepared.responseSchema, strict: format.strict },
    };
    options.push(`response_format=${pythonValue(responseFormat, 4)}`);
  }
  if (prepared.tools.length === 0) {
    return options.length > 0 ? ["llm = llm.bind(", ...options.map((o) => `    ${o},`), ")", ""] : [];
  }
  const tools = prepared.tools.map((tool) => ({ type: "function", function: tool }));
  const choice = parameters.toolChoice;
  if (typeof choice === "object") options.unshift(`tool_choice=${pythonString(choice.name)}`);
  else if (choice !== "auto") options.unshift(`tool_choice=${pythonString(choice)}`);
  if (!parameters.parallelToolCalls) options.push("parallel_tool_calls=False");
  return ["llm = llm.bind_tools(", `    ${pythonValue(tools, 4)},`, ...options.map((o) => `    ${o},`), ")", ""];
}

export function langchainCode(prepared: PreparedPrompt): string {
  const { snapshot } = prepared;
  const templated = prepared.variables.length > 0;
  const imports: Imports = new Set();
  const entries: string[] = [];
  if (prepared.system.trim()) {
    entries.push(`("system", ${pythonString(templated ? snapshot.system : prepared.system)})`);
  }
  prepared.messages.forEach((rendered, index) => {
    const template = snapshot.messages[index] ?? rendered;
    const last = index === prepared.messages.length - 1;
    entries.push(messageEntry(template, rendered, { templated, last, imports }));
  });
  const list = ["[", ...entries.map((entry) => `        ${entry},`), "    ]"].join("\n");

  const lines = [
    "# pip install langchain-mistralai",
    ...prepared.notes.map((note) => `# ${commentText(note)}`),
    "import os",
    "",
    ...(imports.size > 0 ? [`from langchain_core.messages import ${[...imports].sort().join(", ")}`] : []),
    ...(templated ? ["from langchain_core.prompts import ChatPromptTemplate"] : []),
    "from langchain_mistralai import ChatMistralAI",
    "",
    "llm = ChatMistralAI(",
    ...modelArguments(prepared),
    ")",
    "",
  ];
  if (snapshot.parameters.stop.length > 0) {
    lines.push(
      `# Stop sequences ${commentText(JSON.stringify(snapshot.parameters.stop))} are not sent: langchain-mistralai drops \`stop\`.`,
      "",
    );
  }
  lines.push(...bindings(prepared));
  if (templated) {
    lines.push(
      `prompt = ChatPromptTemplate.from_messages(\n    ${list}\n)`,
      "chain = prompt | llm",
      `response = chain.invoke(${pythonValue(prepared.values)})`,
    );
  } else {
    lines.push(`messages = ${list.replace(/\n {4}/g, "\n")}`, "response = llm.invoke(messages)");
  }
  lines.push(
    "",
    "print(response.content)",
    ...(prepared.tools.length > 0 ? ["print(response.tool_calls)"] : []),
    "print(response.response_metadata)",
    "print(response.usage_metadata)",
    "",
  );
  return lines.join("\n");
}
