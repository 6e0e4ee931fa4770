"use client";

import { collectVariables, parseTemplate, templatedParts } from "@/lib/chat/template";
import { format, messages as t } from "@/lib/i18n";
import { useWorkspace } from "@/lib/store/workspace-store";
import { runnableMessages } from "@/lib/workspace/snapshot";
import { PromptPreview } from "./prompt-preview";
import { TemplateFixes } from "./template-fixes";
import { VariableField } from "./variable-field";

/**
 * One field per `{name}` in the system message, the user messages and the composer, found as
 * the user types. Values live in the workspace, so they persist with it.
 */
export function VariablesPanel() {
  const system = useWorkspace((s) => s.system);
  const messages = useWorkspace((s) => s.messages);
  const composer = useWorkspace((s) => s.composer);
  const values = useWorkspace((s) => s.variables);
  const names = collectVariables({ system, messages, composer });
  const hasProblems = templatedParts({ system, messages, composer }).some(({ text }) => !parseTemplate(text).ok);

  return (
    <section aria-label={t.variables.heading} className="space-y-3 rounded-lg border border-border bg-surface p-3">
      <h2 className="text-xs font-semibold tracking-wide text-muted uppercase">{t.variables.heading}</h2>
      {names.length === 0 && !hasProblems ? (
        <p className="text-sm text-muted">{format(t.variables.empty, { placeholder: "{name}", braces: "{{" })}</p>
      ) : null}
      {names.map((name) => (
        <VariableField
          key={name}
          name={name}
          value={Object.hasOwn(values, name) ? (values[name] ?? "") : ""}
          onChange={(value) => useWorkspace.getState().setVariable(name, value)}
        />
      ))}
      <TemplateFixes />
      {names.length > 0 ? (
        <details className="border-t border-border pt-2">
          <summary className="cursor-pointer text-xs font-semibold text-muted select-none">
            {t.variables.preview}
          </summary>
          <div className="mt-2">
            <PromptPreview system={system} messages={runnableMessages({ messages, composer })} values={values} />
          </div>
        </details>
      ) : null}
    </section>
  );
}
