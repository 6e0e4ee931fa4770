import { FUNCTION_NAME_PATTERN, type ConversationMessage, type Parameters } from "@/lib/workspace/model";
import { t } from "@/lib/i18n";
import { checkToolDefinition } from "./definitions";
import { checkResponseSchema, parseJsonObject } from "@/lib/json-schema";

/**
 * What Mistral would refuse about tools, tool messages and the response format, found before
 * sending (the conversation's role rules are `lib/chat/rules.ts`). Message numbers count from 1
 * as the editor shows them.
 */
export function checkToolUse(workspace: {
  messages: readonly ConversationMessage[];
  parameters: Parameters;
}): { ok: true } | { ok: false; error: string } {
  const error = firstProblem(workspace.messages, workspace.parameters);
  return error === undefined ? { ok: true } : { ok: false, error };
}

function firstProblem(messages: readonly ConversationMessage[], parameters: Parameters): string | undefined {
  const { tools, toolChoice, responseFormat } = parameters;
  for (const [index, tool] of tools.entries()) {
    const problems = checkToolDefinition(tool, index, tools);
    const problem = problems.name ?? problems.parameters;
    if (problem) return t("toolRules.tool", { n: index + 1, name: tool.name || "?", problem });
  }
  if (typeof toolChoice === "object" && tools.length > 0 && !tools.some((tool) => tool.name === toolChoice.name)) {
    return t("toolRules.choiceMissing", { name: toolChoice.name });
  }
  if (responseFormat.type === "json_schema") {
    if (!FUNCTION_NAME_PATTERN.test(responseFormat.name))
      return t("toolRules.schemaName", { name: responseFormat.name });
    const schema = checkResponseSchema(responseFormat.schema);
    if (!schema.ok) return t("toolRules.schema", { problem: schema.error });
  }

  for (const [index, message] of messages.entries()) {
    const n = index + 1;
    if (message.role === "assistant" && message.toolCalls?.length) {
      for (const call of message.toolCalls) {
        if (!FUNCTION_NAME_PATTERN.test(call.name)) return t("toolRules.callName", { n, name: call.name });
        const args = parseJsonObject(call.arguments);
        if (!args.ok) return t("toolRules.callArguments", { n, id: call.id, detail: args.error });
      }
    }
    if (message.role === "tool" && message.content.trim() === "") return t("toolRules.emptyResult", { n });
  }
  return undefined;
}
