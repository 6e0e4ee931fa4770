"use client";

import { useId } from "react";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/field";
import { FUNCTION_NAME_PATTERN, type ToolCall } from "@/lib/workspace/model";
import { useTranslations } from "next-intl";
import { useWorkspace } from "@/lib/store/workspace-store";
import { parseJsonObject } from "@/lib/json-schema";
import { codeInputClass, JsonField } from "./json-field";

/**
 * The tool calls of an assistant message, editable: function name and arguments; ids stay.
 * While an answer streams, the conversation's fieldset disables it.
 */
export function ToolCallEditor({ messageId, calls }: { messageId: string; calls: ToolCall[] }) {
  const t = useTranslations();
  const id = useId();
  const tools = useWorkspace((s) => s.parameters.tools);
  const { updateToolCall, removeToolCall, addToolCall } = useWorkspace.getState();
  return (
    <div className="mt-2 space-y-2">
      <datalist id={`${id}-functions`}>
        {tools.map((tool, index) => (
          <option key={index} value={tool.name} />
        ))}
      </datalist>
      <ol className="space-y-2">
        {calls.map((call, index) => {
          const nameInvalid = !FUNCTION_NAME_PATTERN.test(call.name);
          const n = index + 1;
          return (
            <li
              key={call.id}
              role="group"
              aria-label={t("tools.callLabel", { n })}
              className="space-y-2 rounded-md border border-border bg-surface-2 p-2"
            >
              <div className="flex items-center justify-between gap-2 text-xs">
                <span className="font-mono text-muted">id {call.id}</span>
                <Button
                  size="sm"
                  variant="ghost"
                  aria-label={t("tools.deleteCallLabel", { n })}
                  onClick={() => removeToolCall(messageId, call.id)}
                >
                  {t("tools.deleteCall")}
                </Button>
              </div>
              <Field
                id={`${id}-${call.id}-name`}
                label={t("tools.callName")}
                error={nameInvalid ? t("tools.nameInvalid") : undefined}
              >
                <Input
                  id={`${id}-${call.id}-name`}
                  list={`${id}-functions`}
                  value={call.name}
                  spellCheck={false}
                  aria-invalid={nameInvalid ? true : undefined}
                  onChange={(event) => updateToolCall(messageId, call.id, { name: event.target.value })}
                  className={codeInputClass}
                />
              </Field>
              <JsonField
                label={t("tools.callArguments")}
                value={call.arguments}
                onChange={(text) => updateToolCall(messageId, call.id, { arguments: text })}
                check={parseJsonObject(call.arguments)}
                valid={t("json.validJson")}
              />
            </li>
          );
        })}
      </ol>
      <Button size="sm" onClick={() => addToolCall(messageId)}>
        + {t("tools.addCall")}
      </Button>
    </div>
  );
}
