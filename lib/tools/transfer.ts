import { z } from "zod";
import { parameterLimits } from "@/lib/chat/limits";
import { FUNCTION_NAME_PATTERN, type ToolDefinition } from "@/lib/workspace/model";
import { describeIssues } from "@/lib/http/errors";
import { t } from "@/lib/i18n";
import { mergeTools } from "./definitions";
import { isJsonObject, parseJson, type JsonResult } from "@/lib/json";

/**
 * Tools to and from JSON files. Exports are Mistral's `tools` array, ready to paste into an API
 * call; imports take that, OpenAI's identical shape, bare `{name, description, parameters}`
 * functions, or any of these under a `tools` key.
 */
const functionSchema = z.object({
  name: z.string().regex(FUNCTION_NAME_PATTERN, t("tools.nameInvalid")),
  description: z.string().default(""),
  // Mistral requires parameters; a function without them takes no arguments.
  parameters: z.record(z.string(), z.unknown()).default({ type: "object", properties: {} }),
});
// Preprocessing (not unions) picks the shape, so a bad field is reported by its path.
const importedToolSchema = z.preprocess(
  (value) => (isJsonObject(value) && "function" in value ? value.function : value),
  functionSchema,
);
const importFileSchema = z.preprocess(
  (value) => (isJsonObject(value) && "tools" in value ? value.tools : value),
  z.array(importedToolSchema),
);

export type ExportedTool = { type: "function"; function: { name: string; description: string; parameters: unknown } };

/** The tools after importing a file's text into `current`, and how many the file had. */
export function importTools(
  current: readonly ToolDefinition[],
  text: string,
): JsonResult<{ tools: ToolDefinition[]; imported: number }> {
  const json = parseJson(text);
  if (!json.ok)
    return {
      ok: false,
      error: t("tools.importFailed", { detail: t("tools.importNotJson", { detail: json.error }) }),
    };
  const parsed = importFileSchema.safeParse(json.value);
  if (!parsed.success)
    return { ok: false, error: t("tools.importFailed", { detail: describeIssues(parsed.error, 1) }) };
  const imported = parsed.data.map((tool): ToolDefinition => ({
    name: tool.name,
    description: tool.description,
    parameters: JSON.stringify(tool.parameters, null, 2),
  }));
  const merged = mergeTools(current, imported);
  if (merged.length > parameterLimits.tools) {
    return {
      ok: false,
      error: t("tools.importFailed", { detail: t("tools.tooMany", { max: parameterLimits.tools }) }),
    };
  }
  return { ok: true, value: { tools: merged, imported: imported.length } };
}

/** Mistral's `tools` array; a tool whose parameters are not JSON is reported instead. */
export function exportTools(tools: readonly ToolDefinition[]): JsonResult<ExportedTool[]> {
  const exported: ExportedTool[] = [];
  for (const [index, tool] of tools.entries()) {
    const parameters = parseJson(tool.parameters);
    if (!parameters.ok) {
      return {
        ok: false,
        error: t("toolRules.tool", { n: index + 1, name: tool.name, problem: `${parameters.error}.` }),
      };
    }
    exported.push({
      type: "function",
      function: { name: tool.name, description: tool.description, parameters: parameters.value },
    });
  }
  return { ok: true, value: exported };
}
