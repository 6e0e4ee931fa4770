import { renderPrompt } from "@/lib/chat/template";
import { shareImages } from "@/lib/shares/images";
import type { PromptSnapshot } from "@/lib/workspace/model";
import { useTranslations } from "next-intl";
import { renderLimits } from "@/lib/render/limits";
import type { RenderedMarkdown } from "@/lib/shares/rendered-share";
import { PlainText, SharedMessage } from "./shared-message";
import { TemplateDetails } from "./template-details";

/**
 * A shared conversation, read-only and rendered on the server: the system message and the user
 * messages as they were sent, with the template behind each one that used variables. `markdown`
 * holds the answers' rendered Markdown (null while it is still being prepared).
 */
export function SharedTranscript({
  snapshot,
  markdown,
  shareId,
}: {
  snapshot: PromptSnapshot;
  markdown: RenderedMarkdown | null;
  shareId: string;
}) {
  const t = useTranslations();
  // Images are served by the share's image route, numbered in conversation order.
  const imageSources = new Map(shareImages(snapshot).map((image, n) => [image.id, `/s/${shareId}/images/${n}`]));
  // Missing values render empty, as they would have been sent; a template that no longer
  // parses, or that would fill in to more than a page can hold, is shown as written.
  const rendered = renderPrompt(snapshot, snapshot.variables, {
    allowMissing: true,
    maxLength: renderLimits.renderedPromptChars,
  });
  const sent = rendered.ok ? rendered.value : snapshot;
  const variables = Object.entries(snapshot.variables);

  return (
    <div className="flex flex-col gap-3">
      {snapshot.system.trim() ? (
        <section aria-label={t("sharePage.system")} className="rounded-lg border border-border bg-surface p-3">
          <h2 className="mb-2 text-xs font-semibold tracking-wide text-muted uppercase">{t("sharePage.system")}</h2>
          <PlainText text={sent.system} />
          {sent.system !== snapshot.system ? <TemplateDetails template={snapshot.system} /> : null}
        </section>
      ) : null}
      {variables.length > 0 ? (
        <section aria-label={t("sharePage.variables")} className="rounded-lg border border-border bg-surface p-3">
          <h2 className="mb-2 text-xs font-semibold tracking-wide text-muted uppercase">{t("sharePage.variables")}</h2>
          <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
            {variables.map(([name, value]) => (
              <div key={name} className="contents">
                <dt className="font-mono text-muted">{`{${name}}`}</dt>
                <dd className="break-words wrap-anywhere whitespace-pre-wrap">{value}</dd>
              </div>
            ))}
          </dl>
        </section>
      ) : null}
      {!rendered.ok && rendered.error.code === "too_long" ? (
        <p className="text-xs text-muted italic">{t("plainText.promptTooLong")}</p>
      ) : null}
      <ol className="flex flex-col gap-2" aria-label={t("sharePage.transcript")}>
        {snapshot.messages.map((message, index) => (
          <SharedMessage
            key={index}
            message={message}
            sent={sent.messages[index]?.content ?? message.content}
            position={index + 1}
            markdown={markdown?.get(index)}
            imageSources={imageSources}
          />
        ))}
      </ol>
    </div>
  );
}
