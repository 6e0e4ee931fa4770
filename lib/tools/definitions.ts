import { t } from "@/lib/i18n";
import { FUNCTION_NAME_PATTERN, type Parameters, type ToolChoice, type ToolDefinition } from "@/lib/workspace/model";
import { checkToolParameters } from "@/lib/json-schema";

/** What is wrong with one tool as typed, field by field; empty when Mistral would take it. */
export type ToolProblems = { name?: string; parameters?: string };

export function checkToolDefinition(
  tool: ToolDefinition,
  index: number,
  tools: readonly ToolDefinition[],
): ToolProblems {
  const problems: ToolProblems = {};
  if (!FUNCTION_NAME_PATTERN.test(tool.name)) problems.name = t("tools.nameInvalid");
  else if (tools.some((other, i) => i !== index && other.name === tool.name)) problems.name = t("tools.nameDuplicate");
  const parameters = checkToolParameters(tool.parameters);
  if (!parameters.ok) problems.parameters = parameters.error;
  return problems;
}

export const EMPTY_PARAMETERS = JSON.stringify({ type: "object", properties: {}, required: [] }, null, 2);

/** A new tool with a name no other tool has (`function_1`, `function_2`…). */
export function newToolDefinition(tools: readonly ToolDefinition[]): ToolDefinition {
  const names = new Set(tools.map((tool) => tool.name));
  let n = tools.length + 1;
  while (names.has(`function_${n}`)) n += 1;
  return { name: `function_${n}`, description: "", parameters: EMPTY_PARAMETERS };
}

type ToolSettings = Pick<Parameters, "tools" | "toolChoice">;

/** Edits tool `index`; a named tool choice follows its function's renaming. */
export function updateTool(settings: ToolSettings, index: number, patch: Partial<ToolDefinition>): ToolSettings {
  const before = settings.tools[index];
  if (!before) return settings;
  const after = { ...before, ...patch };
  const choice = settings.toolChoice;
  const renamed = typeof choice === "object" && choice.name === before.name && after.name !== before.name;
  return {
    tools: settings.tools.map((tool, i) => (i === index ? after : tool)),
    toolChoice: renamed ? { type: "function", name: after.name } : choice,
  };
}

/** Removes tool `index`; a tool choice naming it falls back to `auto`. */
export function removeTool(settings: ToolSettings, index: number): ToolSettings {
  const removed = settings.tools[index];
  const tools = settings.tools.filter((_, i) => i !== index);
  const choice = settings.toolChoice;
  const orphaned =
    typeof choice === "object" && choice.name === removed?.name && !tools.some((tool) => tool.name === choice.name);
  return { tools, toolChoice: orphaned ? "auto" : choice };
}

/**
 * Imported tools replace the tools of the same name (keeping their mock result, which exports
 * do not carry) and join the others at the end.
 */
export function mergeTools(current: readonly ToolDefinition[], imported: readonly ToolDefinition[]): ToolDefinition[] {
  const byName = new Map(imported.map((tool) => [tool.name, tool]));
  const kept = current.map((tool) => {
    const replacement = byName.get(tool.name);
    if (!replacement) return tool;
    byName.delete(tool.name);
    const mockResult = replacement.mockResult ?? tool.mockResult;
    return mockResult === undefined ? replacement : { ...replacement, mockResult };
  });
  return [...kept, ...byName.values()];
}

/** The tool choice as one string for a `<select>`: `auto`, `none`, `any` or `function:<name>`. */
export function toolChoiceValue(choice: ToolChoice): string {
  return typeof choice === "object" ? `function:${choice.name}` : choice;
}

export function parseToolChoiceValue(value: string): ToolChoice {
  if (value.startsWith("function:")) return { type: "function", name: value.slice("function:".length) };
  return value === "none" || value === "any" ? value : "auto";
}
