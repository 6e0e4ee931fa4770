"use client";

import { collectVariables, parseTemplate } from "@/lib/chat/template";
import type { ConversationMessage } from "@/lib/chat/workspace";
import { format, messages as t } from "@/lib/i18n";
import { useWorkspace } from "@/lib/store/workspace-store";
import { PromptPreview } from "./prompt-preview";
import { VariableField } from "./variable-field";

/** Template errors where the user can find them: which text, then what is wrong. */
function templateProblems(system: string, messages: readonly ConversationMessage[], composer: string): string[] {
  const texts = [
    { where: t.conversation.systemLabel, text: system },
    ...messages.map((message, index) => ({
      where: format(t.variables.message, { n: index + 1 }),
      text: message.role === "user" ? message.content : "",
    })),
    { where: t.variables.composer, text: composer },
  ];
  return texts.flatMap(({ where, text }) => {
    const parsed = parseTemplate(text);
    return parsed.ok ? [] : [format(t.variables.templateError, { where, message: parsed.error.message })];
  });
}

/** The conversation as Run sends it: the composer's text becomes the last user message. */
function withComposer(messages: ConversationMessage[], composer: string): ConversationMessage[] {
  return composer.trim() ? [...messages, { id: "composer", role: "user", content: composer }] : messages;
}

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
  const problems = templateProblems(system, messages, composer);

  return (
    <section aria-label={t.variables.heading} className="space-y-3 rounded-lg border border-border bg-surface p-3">
      <h2 className="text-xs font-semibold tracking-wide text-muted uppercase">{t.variables.heading}</h2>
      {names.length === 0 && problems.length === 0 ? (
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
            {t.variables.preview}
          </summary>
          <div className="mt-2">
            <PromptPreview system={system} messages={withComposer(messages, composer)} values={values} />
          </div>
        </details>
      ) : null}
    </section>
  );
}
