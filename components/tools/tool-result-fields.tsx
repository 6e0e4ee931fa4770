"use client";

import { useId } from "react";
import { Button } from "@/components/ui/button";
import type { ToolMessage } from "@/lib/workspace/model";
import { useTranslations } from "next-intl";
import { useWorkspace } from "@/lib/store/workspace-store";
import { answerableCalls } from "@/lib/tools/conversation";

/**
 * Which call a tool result answers (by id), and its tool's mock result at hand. While an answer
 * streams, the conversation's fieldset disables them.
 */
export function ToolResultFields({ message, position }: { message: ToolMessage; position: number }) {
  const t = useTranslations();
  const id = useId();
  const messages = useWorkspace((s) => s.messages);
  const mockResult = useWorkspace((s) => s.parameters.tools.find((tool) => tool.name === message.name)?.mockResult);
  const calls = answerableCalls(
    messages,
    messages.findIndex((m) => m.id === message.id),
  );
  const { answerToolCall, updateMessageContent } = useWorkspace.getState();
  const known = calls.some((call) => call.id === message.toolCallId);

  return (
    <div className="mt-2 flex flex-wrap items-center gap-2 text-xs">
      <label htmlFor={id} className="text-muted">
        {t("tools.answers")}
      </label>
      <select
        id={id}
        aria-label={t("tools.answersLabel", { n: position })}
        className="min-w-0 rounded border border-border bg-surface px-1 py-0.5 font-mono"
        value={message.toolCallId}
        onChange={(event) => {
          const call = calls.find((c) => c.id === event.target.value);
          if (call) answerToolCall(message.id, call);
        }}
      >
        {known ? null : <option value={message.toolCallId}>{message.toolCallId || t("tools.noCall")}</option>}
        {calls.map((call) => (
          <option key={call.id} value={call.id}>
            {call.name} · {call.id}
          </option>
        ))}
      </select>
      {mockResult !== undefined && mockResult !== message.content ? (
        <Button
          size="sm"
          variant="ghost"
          className="ml-auto"
          onClick={() => updateMessageContent(message.id, mockResult)}
        >
          {t("tools.useMock")}
        </Button>
      ) : null}
    </div>
  );
}
