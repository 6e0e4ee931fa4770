"use client";

import { memo, useMemo, useState } from "react";
import { AttachControls, imageInputHandlers } from "@/components/attachments/attach-controls";
import { AttachmentList } from "@/components/attachments/attachment-list";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import { Textarea } from "@/components/ui/textarea";
import { JsonAnswer, JsonCheckStatus } from "@/components/response-format/json-answer";
import { MessageKindSelect } from "@/components/tools/message-kind-select";
import { ToolCallEditor } from "@/components/tools/tool-call-editor";
import { ToolResultFields } from "@/components/tools/tool-result-fields";
import { AnswerSummary } from "@/components/usage/answer-summary";
import type { ConversationMessage } from "@/lib/workspace/model";
import { useTranslations } from "next-intl";
import { useSession } from "@/lib/store/session-store";
import { useWorkspace } from "@/lib/store/workspace-store";
import { checkAnswer } from "@/lib/response-format/answer-check";
import { Markdown } from "./markdown";
import { ThinkingBlock } from "./thinking-block";
import { ToolCallList } from "./tool-call-list";

type Props = {
  message: ConversationMessage;
  /** 1-based, as the user counts. */
  position: number;
  isLastAnswer: boolean;
  onRegenerate: () => void;
};

/**
 * One message of the conversation. Memoised: a message re-renders only when it, its position
 * or its selection changes — never while another answer streams. Its controls are disabled
 * during a run by the conversation's fieldset, not by a prop.
 */
export const MessageItem = memo(function MessageItem({ message, position, isLastAnswer, onRegenerate }: Props) {
  const t = useTranslations();
  const { updateMessageContent, deleteMessage, addMessageAttachments, removeMessageAttachment } =
    useWorkspace.getState();
  const [attachError, setAttachError] = useState<string | null>(null);
  const addAttachments = (attachments: Parameters<typeof addMessageAttachments>[1]) =>
    addMessageAttachments(message.id, attachments);
  const selected = useSession((s) => s.selectedAnswerId === message.id);
  const [editing, setEditing] = useState(false);
  const roleLabel = t(`roles.${message.role}`);
  const textareaLabel = t("message.textLabel", { n: position, role: roleLabel });
  const status = message.role === "assistant" ? message.status : undefined;
  const showMarkdown = message.role === "assistant" && !editing && message.content !== "";
  const toolCalls = message.role === "assistant" ? (message.toolCalls ?? []) : [];
  // Mistral takes text or tool calls, not both: a tool-call message shows text only if it has some.
  const showTextarea = toolCalls.length === 0 || message.content !== "";
  // An answer is checked against the format it was run with, not the one set now.
  const responseFormat = message.role === "assistant" ? message.responseFormat : undefined;
  const jsonCheck = useMemo(
    () => (responseFormat && message.content !== "" ? checkAnswer(message.content, responseFormat) : undefined),
    [message.content, responseFormat],
  );

  return (
    <li
      // Far from the viewport, a message is neither laid out nor painted; `auto` keeps its last size.
      className="group rounded-lg border border-border bg-surface p-3 [contain-intrinsic-size:auto_7rem] [content-visibility:auto] data-[selected=true]:border-accent"
      data-selected={selected}
      data-role={message.role}
      data-status={status}
      aria-label={t("message.itemLabel", { n: position, role: roleLabel })}
      {...(message.role === "user" ? imageInputHandlers(addAttachments, setAttachError) : {})}
    >
      <div className="mb-2 flex flex-wrap items-center gap-2">
        <span className="text-xs text-muted tabular-nums">#{position}</span>
        <MessageKindSelect message={message} position={position} />
        {status === "interrupted" || status === "stopped" ? (
          <span className="rounded bg-warning/15 px-1.5 py-0.5 text-xs font-medium text-warning">
            {status === "interrupted" ? t("message.interrupted") : t("message.stopped")}
          </span>
        ) : null}
        <div className="ml-auto flex items-center gap-1">
          {message.role === "assistant" && (message.content !== "" || toolCalls.length > 0) ? (
            <>
              {message.content !== "" ? (
                <CopyButton text={message.content} label={t("message.copyMessage", { n: position })} />
              ) : null}
              <Button size="sm" variant="ghost" onClick={() => setEditing((e) => !e)}>
                {editing ? t("message.doneEditing") : t("message.edit")}
              </Button>
            </>
          ) : null}
          {isLastAnswer && status === "interrupted" ? (
            <Button size="sm" variant="secondary" onClick={onRegenerate}>
              {t("message.retry")}
            </Button>
          ) : isLastAnswer ? (
            <Button size="sm" variant="ghost" onClick={onRegenerate}>
              {t("message.regenerate")}
            </Button>
          ) : null}
          <Button
            size="sm"
            variant="ghost"
            aria-label={t("message.deleteLabel", { n: position })}
            onClick={() => deleteMessage(message.id)}
          >
            {t("message.delete")}
          </Button>
        </div>
      </div>

      {message.role === "assistant" && message.reasoning ? (
        <ThinkingBlock text={message.reasoning} open={false} />
      ) : null}
      {showMarkdown ? (
        jsonCheck ? (
          <JsonAnswer content={message.content} check={jsonCheck} />
        ) : (
          <Markdown text={message.content} />
        )
      ) : showTextarea ? (
        <Textarea
          aria-label={textareaLabel}
          // Edit swaps the answer's Markdown for this box: typing goes on where the reader was.
          autoFocus={editing}
          value={message.content}
          placeholder={message.role === "tool" ? t("message.toolResultPlaceholder") : t("message.placeholder")}
          onChange={(event) => updateMessageContent(message.id, event.target.value)}
        />
      ) : null}
      {message.role === "user" ? (
        <>
          <AttachmentList
            attachments={message.attachments ?? []}
            onRemove={(id) => removeMessageAttachment(message.id, id)}
          />
          {attachError ? (
            <p role="alert" className="mt-1 text-xs text-danger">
              {attachError}
            </p>
          ) : null}
          <div className="mt-2 opacity-70 group-focus-within:opacity-100 group-hover:opacity-100">
            <AttachControls onAdd={addAttachments} onError={setAttachError} />
          </div>
        </>
      ) : null}
      {editing && jsonCheck ? <JsonCheckStatus check={jsonCheck} /> : null}
      {toolCalls.length > 0 ? (
        editing ? (
          <ToolCallEditor messageId={message.id} calls={toolCalls} />
        ) : (
          <ToolCallList calls={toolCalls} />
        )
      ) : null}
      {message.role === "tool" ? <ToolResultFields message={message} position={position} /> : null}

      {message.role === "assistant" && message.metadata ? (
        <button
          type="button"
          className="mt-2 block text-left"
          aria-label={t("message.showUsage", { n: position })}
          onClick={() => useSession.getState().selectAnswer(message.id)}
        >
          <AnswerSummary metadata={message.metadata} edited={message.edited} continued={message.continued} />
        </button>
      ) : null}
    </li>
  );
});
