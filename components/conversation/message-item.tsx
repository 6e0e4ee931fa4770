"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import { Textarea } from "@/components/ui/textarea";
import { AnswerSummary } from "@/components/usage/answer-summary";
import { cn } from "@/lib/cn";
import type { ConversationMessage } from "@/lib/chat/workspace";
import { format, messages as t } from "@/lib/i18n";
import { useSession } from "@/lib/store/session-store";
import { useWorkspace, type EditableRole } from "@/lib/store/workspace-store";
import { Markdown } from "./markdown";
import { ToolCallList } from "./tool-call-list";

type Props = {
  message: ConversationMessage;
  /** 1-based, as the user counts. */
  position: number;
  isLastAnswer: boolean;
  running: boolean;
  onRegenerate: () => void;
};

export function MessageItem({ message, position, isLastAnswer, running, onRegenerate }: Props) {
  const { updateMessageContent, setMessageRole, deleteMessage } = useWorkspace.getState();
  const selected = useSession((s) => s.selectedAnswerId === message.id);
  const [editing, setEditing] = useState(false);
  const roleLabel = t.roles[message.role];
  const textareaLabel = format(t.message.textLabel, { n: position, role: roleLabel });
  const status = message.role === "assistant" ? message.status : undefined;
  const showMarkdown = message.role === "assistant" && !editing && message.content !== "";

  return (
    <li
      className={cn(
        "group rounded-lg border bg-surface p-3",
        selected ? "border-accent" : "border-border",
      )}
      data-role={message.role}
      data-status={status}
      aria-label={format(t.message.itemLabel, { n: position, role: roleLabel })}
    >
      <div className="mb-2 flex flex-wrap items-center gap-2">
        <span className="text-xs text-muted tabular-nums">#{position}</span>
        {message.role === "tool" ? (
          <span className="text-xs font-semibold tracking-wide text-muted uppercase">
            {format(t.message.toolResultFor, { name: message.name })}
          </span>
        ) : (
          <select
            aria-label={format(t.message.roleLabel, { n: position })}
            className="rounded border border-border bg-surface px-1 py-0.5 text-xs font-semibold tracking-wide uppercase"
            value={message.role}
            disabled={running}
            onChange={(event) => setMessageRole(message.id, event.target.value as EditableRole)}
          >
            <option value="user">{t.roles.user}</option>
            <option value="assistant">{t.roles.assistant}</option>
          </select>
        )}
        {status === "interrupted" || status === "stopped" ? (
          <span className="rounded bg-warning/15 px-1.5 py-0.5 text-xs font-medium text-warning">
            {status === "interrupted" ? t.message.interrupted : t.message.stopped}
          </span>
        ) : null}
        <div className="ml-auto flex items-center gap-1">
          {message.role === "assistant" && message.content !== "" ? (
            <>
              <CopyButton text={message.content} label={format(t.message.copyMessage, { n: position })} />
              <Button size="sm" variant="ghost" onClick={() => setEditing((e) => !e)} disabled={running}>
                {editing ? t.message.doneEditing : t.message.edit}
              </Button>
            </>
          ) : null}
          {isLastAnswer && status === "interrupted" ? (
            <Button size="sm" variant="secondary" onClick={onRegenerate} disabled={running}>
              {t.message.retry}
            </Button>
          ) : isLastAnswer ? (
            <Button size="sm" variant="ghost" onClick={onRegenerate} disabled={running}>
              {t.message.regenerate}
            </Button>
          ) : null}
          <Button
            size="sm"
            variant="ghost"
            aria-label={format(t.message.deleteLabel, { n: position })}
            onClick={() => deleteMessage(message.id)}
            disabled={running}
          >
            {t.message.delete}
          </Button>
        </div>
      </div>

      {showMarkdown ? (
        <Markdown text={message.content} />
      ) : message.role !== "assistant" || editing || !message.toolCalls?.length ? (
        <Textarea
          aria-label={textareaLabel}
          value={message.content}
          placeholder={message.role === "tool" ? t.message.toolResultPlaceholder : t.message.placeholder}
          onChange={(event) => updateMessageContent(message.id, event.target.value)}
          readOnly={running}
        />
      ) : null}
      {message.role === "assistant" && message.toolCalls?.length ? <ToolCallList calls={message.toolCalls} /> : null}

      {message.role === "assistant" && message.metadata ? (
        <button
          type="button"
          className="mt-2 block text-left"
          aria-label={format(t.message.showUsage, { n: position })}
          onClick={() => useSession.getState().selectAnswer(message.id)}
        >
          <AnswerSummary metadata={message.metadata} />
        </button>
      ) : null}
    </li>
  );
}
