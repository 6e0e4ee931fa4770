"use client";

import { useId } from "react";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/field";
import { Textarea } from "@/components/ui/textarea";
import type { ToolDefinition } from "@/lib/workspace/model";
import { useTranslations } from "next-intl";
import { useWorkspace } from "@/lib/store/workspace-store";
import { checkToolDefinition } from "@/lib/tools/definitions";
import { codeInputClass, JsonField } from "./json-field";

/** One function the model may call: name, description, parameters schema and a mock result. */
export function ToolDefinitionEditor({
  tool,
  index,
  tools,
}: {
  tool: ToolDefinition;
  index: number;
  tools: readonly ToolDefinition[];
}) {
  const t = useTranslations();
  const id = useId();
  const { updateTool, removeTool } = useWorkspace.getState();
  const problems = checkToolDefinition(tool, index, tools);
  const n = index + 1;
  return (
    <li
      role="group"
      aria-label={t("tools.toolLabel", { n })}
      className="space-y-2 rounded-md border border-border bg-surface-2/40 p-2"
    >
      <div className="flex items-center justify-between gap-2">
        <span className="text-xs font-semibold text-muted">{t("tools.toolLabel", { n })}</span>
        <Button size="sm" variant="ghost" aria-label={t("tools.deleteLabel", { n })} onClick={() => removeTool(index)}>
          {t("tools.delete")}
        </Button>
      </div>
      <Field id={`${id}-name`} label={t("tools.name")} error={problems.name}>
        <Input
          id={`${id}-name`}
          value={tool.name}
          spellCheck={false}
          aria-invalid={problems.name ? true : undefined}
          aria-describedby={problems.name ? `${id}-name-error` : undefined}
          onChange={(event) => updateTool(index, { name: event.target.value })}
          className={codeInputClass}
        />
      </Field>
      <Field id={`${id}-description`} label={t("tools.description")}>
        <Textarea
          id={`${id}-description`}
          rows={1}
          value={tool.description}
          onChange={(event) => updateTool(index, { description: event.target.value })}
          className="px-2 py-1 text-xs"
        />
      </Field>
      <JsonField
        label={t("tools.parameters")}
        value={tool.parameters}
        onChange={(parameters) => updateTool(index, { parameters })}
        check={problems.parameters ? { ok: false, error: problems.parameters } : { ok: true, value: tool.parameters }}
        valid={t("json.validSchema")}
      />
      <Field id={`${id}-mock`} label={t("tools.mockResult")} hint={t("tools.mockResultHint")}>
        <Textarea
          id={`${id}-mock`}
          rows={1}
          value={tool.mockResult ?? ""}
          spellCheck={false}
          onChange={(event) =>
            updateTool(index, { mockResult: event.target.value === "" ? undefined : event.target.value })
          }
          className="px-2 py-1 font-mono text-xs"
        />
      </Field>
    </li>
  );
}
