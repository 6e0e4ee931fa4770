import { Markdown } from "@/components/conversation/markdown";
import { ToolCallList } from "@/components/conversation/tool-call-list";
import { AnswerSummary } from "@/components/usage/answer-summary";
import type { ConversationMessage } from "@/lib/workspace/model";
import { format, messages as t } from "@/lib/i18n";
import { TemplateDetails } from "./template-details";

/** One message of a shared transcript, read-only. `sent` is its text as Mistral received it. */
export function SharedMessage({
  message,
  sent,
  position,
}: {
  message: ConversationMessage;
  sent: string;
  position: number;
}) {
  const roleLabel = t.roles[message.role];
  const status = message.role === "assistant" ? message.status : undefined;
  return (
    <li
      className="rounded-lg border border-border bg-surface p-3"
      data-role={message.role}
      aria-label={format(t.message.itemLabel, { n: position, role: roleLabel })}
    >
      <div className="mb-2 flex flex-wrap items-center gap-2">
        <span className="text-xs text-muted tabular-nums">#{position}</span>
        <span className="text-xs font-semibold tracking-wide text-muted uppercase">
          {message.role === "tool" ? format(t.message.toolResultFor, { name: message.name }) : roleLabel}
        </span>
        {status === "interrupted" || status === "stopped" ? (
          <span className="rounded bg-warning/15 px-1.5 py-0.5 text-xs font-medium text-warning">
            {status === "interrupted" ? t.message.interrupted : t.message.stopped}
          </span>
        ) : null}
      </div>
      {message.role === "assistant" ? (
        <>
          {message.content ? <Markdown text={message.content} /> : null}
          {message.toolCalls?.length ? <ToolCallList calls={message.toolCalls} /> : null}
          {message.metadata ? (
            <div className="mt-2">
              <AnswerSummary metadata={message.metadata} />
            </div>
          ) : null}
        </>
      ) : message.role === "tool" ? (
        <pre className="overflow-x-auto rounded-md bg-surface-2 p-2 font-mono text-xs whitespace-pre-wrap">
          {message.content}
        </pre>
      ) : (
        <>
          <PlainText text={sent} />
          {sent !== message.content ? <TemplateDetails template={message.content} /> : null}
        </>
      )}
    </li>
  );
}

/** Prompts are shown as written: line breaks kept, nothing interpreted. */
export function PlainText({ text }: { text: string }) {
  return text.trim() ? (
    <p className="text-sm leading-relaxed break-words whitespace-pre-wrap">{text}</p>
  ) : (
    <p className="text-sm text-muted italic">{t.sharePage.emptyMessage}</p>
  );
}
