"use client";

import { useId } from "react";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { parameterLimits } from "@/lib/chat/limits";
import { useTranslations } from "next-intl";
import { useWorkspace } from "@/lib/store/workspace-store";
import { parseToolChoiceValue, toolChoiceValue } from "@/lib/tools/definitions";
import { ToolDefinitionEditor } from "./tool-definition-editor";
import { ToolsTransfer } from "./tools-transfer";

/** The functions the model may call, how it must choose among them, and parallel calls. */
export function ToolsPanel() {
  const t = useTranslations();
  const id = useId();
  const tools = useWorkspace((s) => s.parameters.tools);
  const toolChoice = useWorkspace((s) => s.parameters.toolChoice);
  const parallelToolCalls = useWorkspace((s) => s.parameters.parallelToolCalls);
  const { addTool, setParameter } = useWorkspace.getState();
  const names = [...new Set(tools.map((tool) => tool.name).filter((name) => name !== ""))];
  const choice = toolChoiceValue(toolChoice);

  return (
    <section aria-labelledby={`${id}-heading`} className="space-y-3 rounded-lg border border-border bg-surface p-3">
      <h2 id={`${id}-heading`} className="text-xs font-semibold tracking-wide text-muted uppercase">
        {t("tools.heading")}
      </h2>
      {tools.length === 0 ? <p className="text-xs text-muted">{t("tools.empty")}</p> : null}
      <ol className="space-y-2">
        {tools.map((tool, index) => (
          <ToolDefinitionEditor key={index} tool={tool} index={index} tools={tools} />
        ))}
      </ol>
      <div className="flex flex-wrap items-start justify-between gap-2">
        <Button size="sm" onClick={addTool} disabled={tools.length >= parameterLimits.tools}>
          + {t("tools.add")}
        </Button>
        <ToolsTransfer />
      </div>
      {tools.length > 0 ? (
        <>
          <div className="space-y-1">
            <label htmlFor={`${id}-choice`} className="block text-xs font-medium text-muted">
              {t("tools.choice")}
            </label>
            <select
              id={`${id}-choice`}
              className={inputClass}
              value={choice}
              onChange={(event) => setParameter("toolChoice", parseToolChoiceValue(event.target.value))}
            >
              <option value="auto">{t("tools.choiceAuto")}</option>
              <option value="none">{t("tools.choiceNone")}</option>
              <option value="any">{t("tools.choiceAny")}</option>
              {names.map((name) => (
                <option key={name} value={`function:${name}`}>
                  {t("tools.choiceFunction", { name })}
                </option>
              ))}
              {typeof toolChoice === "object" && !names.includes(toolChoice.name) ? (
                <option value={choice}>{t("tools.choiceFunction", { name: toolChoice.name })}</option>
              ) : null}
            </select>
          </div>
          <label className="flex items-center gap-2 text-sm">
            <input
              type="checkbox"
              role="switch"
              checked={parallelToolCalls}
              onChange={(event) => setParameter("parallelToolCalls", event.target.checked)}
              className="accent-accent"
            />
            {t("tools.parallel")}
          </label>
        </>
      ) : null}
    </section>
  );
}
