"use client";

import { collectVariables, parseTemplate, templatedParts, type TemplatedPrompt } from "@/lib/chat/template";
import { useTranslations } from "next-intl";
import type { Translator } from "@/lib/i18n";
import { useWorkspace } from "@/lib/store/workspace-store";
import { runnableMessages } from "@/lib/workspace/snapshot";
import { PromptPreview } from "./prompt-preview";
import { VariableField } from "./variable-field";

/** Template errors where the user can find them: which text, then what is wrong. */
function templateProblems(t: Translator, prompt: TemplatedPrompt): string[] {
  return templatedParts(prompt).flatMap(({ place, text }) => {
    const parsed = parseTemplate(text);
    if (parsed.ok) return [];
    const where =
      place.kind === "system"
        ? t("conversation.systemLabel")
        : place.kind === "composer"
          ? t("variables.composer")
          : t("variables.message", { n: place.index + 1 });
    return [t("variables.templateError", { where, message: parsed.error.message })];
  });
}

/**
 * One field per `{name}` in the system message, the user messages and the composer, found as
 * the user types. Values live in the workspace, so they persist with it.
 */
export function VariablesPanel() {
  const t = useTranslations();
  const system = useWorkspace((s) => s.system);
  const messages = useWorkspace((s) => s.messages);
  const composer = useWorkspace((s) => s.composer);
  const values = useWorkspace((s) => s.variables);
  const names = collectVariables({ system, messages, composer });
  const problems = templateProblems(t, { system, messages, composer });

  return (
    <section aria-label={t("variables.heading")} className="space-y-3 rounded-lg border border-border bg-surface p-3">
      <h2 className="text-xs font-semibold tracking-wide text-muted uppercase">{t("variables.heading")}</h2>
      {names.length === 0 && problems.length === 0 ? (
        <p className="text-sm text-muted">{t("variables.empty", { placeholder: "{name}", braces: "{{" })}</p>
      ) : null}
      {names.map((name) => (
        <VariableField
          key={name}
          name={name}
          value={Object.hasOwn(values, name) ? (values[name] ?? "") : ""}
          onChange={(value) => useWorkspace.getState().setVariable(name, value)}
        />
      ))}
      {problems.length > 0 ? (
        <ul className="space-y-1 text-xs text-danger">
          {problems.map((problem) => (
            <li key={problem}>{problem}</li>
          ))}
        </ul>
      ) : null}
      {names.length > 0 ? (
        <details className="border-t border-border pt-2">
          <summary className="cursor-pointer text-xs font-semibold text-muted select-none">
            {t("variables.preview")}
          </summary>
          <div className="mt-2">
            <PromptPreview system={system} messages={runnableMessages({ messages, composer })} values={values} />
          </div>
        </details>
      ) : null}
    </section>
  );
}
