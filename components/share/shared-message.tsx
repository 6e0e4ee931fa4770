import { Markdown, MarkdownTree, PlainMarkdown } from "@/components/conversation/markdown";
import { ToolCallList } from "@/components/conversation/tool-call-list";
import { AnswerSummary } from "@/components/usage/answer-summary";
import type { MarkdownPart } from "@/lib/render/markdown-renderer";
import type { ConversationMessage } from "@/lib/workspace/model";
import { useTranslations } from "next-intl";
import { TemplateDetails } from "./template-details";

/**
 * A short answer whose worker render is not ready yet is rendered on the request: a few
 * thousand characters cost milliseconds whatever they hold, so only long ones wait for a worker.
 */
const INLINE_MARKDOWN_CHARS = 4_000;

/**
 * One message of a shared transcript, read-only. `sent` is its text as Mistral received it;
 * `markdown`, an answer's Markdown as the server rendered it (undefined while that is pending).
 */
export function SharedMessage({
  message,
  sent,
  position,
  markdown,
  imageSources,
}: {
  message: ConversationMessage;
  sent: string;
  position: number;
  markdown: MarkdownPart | undefined;
  /** Where each image of the share is served, by attachment id. */
  imageSources: ReadonlyMap<string, string>;
}) {
  const t = useTranslations();
  const roleLabel = t(`roles.${message.role}`);
  const status = message.role === "assistant" ? message.status : undefined;
  return (
    <li
      className="rounded-lg border border-border bg-surface p-3"
      data-role={message.role}
      aria-label={t("message.itemLabel", { n: position, role: roleLabel })}
    >
      <div className="mb-2 flex flex-wrap items-center gap-2">
        <span className="text-xs text-muted tabular-nums">#{position}</span>
        <span className="text-xs font-semibold tracking-wide text-muted uppercase">
          {message.role === "tool" ? t("message.toolResultFor", { name: message.name }) : roleLabel}
        </span>
        {status === "interrupted" || status === "stopped" ? (
          <span className="rounded bg-warning/15 px-1.5 py-0.5 text-xs font-medium text-warning">
            {status === "interrupted" ? t("message.interrupted") : t("message.stopped")}
          </span>
        ) : null}
      </div>
      {message.role === "assistant" ? (
        <>
          {message.reasoning ? (
            <details className="mb-2 rounded-md border border-border text-sm">
              <summary className="cursor-pointer px-2 py-1 text-xs font-medium text-muted">
                {t("reasoning.thinking")}{" "}
                <span className="tabular-nums">{t("reasoning.length", { n: message.reasoning.length })}</span>
              </summary>
              <p className="border-t border-border px-2 py-1 text-xs wrap-anywhere whitespace-pre-wrap text-muted">
                {message.reasoning}
              </p>
            </details>
          ) : null}
          {message.content ? (
            markdown?.ok ? (
              <MarkdownTree tree={markdown.tree} />
            ) : markdown === undefined && message.content.length <= INLINE_MARKDOWN_CHARS ? (
              <Markdown text={message.content} />
            ) : (
              <PlainMarkdown text={message.content} reason={markdown?.reason ?? "pending"} />
            )
          ) : null}
          {message.toolCalls?.length ? <ToolCallList calls={message.toolCalls} /> : null}
          {message.metadata ? (
            <div className="mt-2">
              <AnswerSummary metadata={message.metadata} />
            </div>
          ) : null}
        </>
      ) : message.role === "tool" ? (
        <pre className="overflow-x-auto rounded-md bg-surface-2 p-2 font-mono text-xs wrap-anywhere whitespace-pre-wrap">
          {message.content}
        </pre>
      ) : (
        <>
          <PlainText text={sent} />
          {sent !== message.content ? <TemplateDetails template={message.content} /> : null}
          {message.attachments?.length ? (
            <ul className="mt-2 flex flex-wrap gap-2" aria-label={t("attachments.listLabel")}>
              {message.attachments.map((attachment) => {
                const src = imageSources.get(attachment.id);
                return (
                  <li key={attachment.id} className="text-xs">
                    {attachment.kind === "image" && src ? (
                      // Served by the share's own route; next/image would only proxy it.
                      // eslint-disable-next-line @next/next/no-img-element
                      <img src={src} alt={attachment.name} className="max-h-48 rounded border border-border" />
                    ) : (
                      <a href={attachment.url} rel="noreferrer noopener nofollow" className="underline">
                        {attachment.kind === "image"
                          ? attachment.name
                          : `${t("attachments.document")}: ${attachment.name}`}
                      </a>
                    )}
                  </li>
                );
              })}
            </ul>
          ) : null}
        </>
      )}
    </li>
  );
}

/** Prompts are shown as written: line breaks kept, nothing interpreted. */
export function PlainText({ text }: { text: string }) {
  const t = useTranslations();
  return text.trim() ? (
    <p className="text-sm leading-relaxed wrap-anywhere whitespace-pre-wrap">{text}</p>
  ) : (
    <p className="text-sm text-muted italic">{t("sharePage.emptyMessage")}</p>
  );
}
