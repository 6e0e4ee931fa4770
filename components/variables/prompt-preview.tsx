"use client";

import { Fragment } from "react";
import { collectVariables, renderPrompt } from "@/lib/chat/template";
import type { ConversationMessage } from "@/lib/workspace/model";
import { useTranslations } from "next-intl";

// A missing value renders as its placeholder between these private-use characters, so the
// preview can mark it; values go into the text verbatim, so the markers come out as they went in.
const OPEN = "\u{E000}";
const CLOSE = "\u{E001}";
const MARKED = new RegExp(`${OPEN}([^${CLOSE}]*)${CLOSE}`, "u");

function MarkedText({ text }: { text: string }) {
  const parts = text.split(MARKED);
  return (
    <>
      {parts.map((part, index) =>
        index % 2 === 1 ? (
          <mark key={index} className="rounded bg-warning/20 px-0.5 text-warning">{`{${part}}`}</mark>
        ) : (
          <Fragment key={index}>{part}</Fragment>
        ),
      )}
    </>
  );
}

/** The prompt as Run would send it: every template filled in with the current values. */
export function PromptPreview({
  system,
  messages,
  values,
}: {
  system: string;
  messages: readonly ConversationMessage[];
  values: Readonly<Record<string, string>>;
}) {
  const t = useTranslations();
  const missing = collectVariables({ system, messages }).filter(
    (name) => !Object.hasOwn(values, name) || values[name] === "",
  );
  const marked = { ...values, ...Object.fromEntries(missing.map((name) => [name, `${OPEN}${name}${CLOSE}`])) };
  const rendered = renderPrompt({ system, messages }, marked);
  if (!rendered.ok) return <p className="text-xs text-danger">{rendered.error.message}</p>;

  const items = [
    ...(rendered.value.system.trim() ? [{ key: "system", role: t("roles.system"), text: rendered.value.system }] : []),
    ...rendered.value.messages.map((message) => ({
      key: message.id,
      role: t(`roles.${message.role}`),
      text: message.content,
    })),
  ];
  if (items.length === 0) return <p className="text-xs text-muted">{t("variables.previewEmpty")}</p>;
  return (
    <div className="space-y-2">
      {missing.length > 0 ? <p className="text-xs text-warning">{t("variables.previewMissing")}</p> : null}
      <ol aria-label={t("variables.previewLabel")} className="max-h-96 space-y-2 overflow-y-auto">
        {items.map((item) => (
          <li key={item.key} className="rounded-md bg-surface-2 px-2 py-1.5">
            <p className="text-[11px] font-semibold tracking-wide text-muted uppercase">{item.role}</p>
            <p className="text-sm wrap-anywhere whitespace-pre-wrap">
              <MarkedText text={item.text} />
            </p>
          </li>
        ))}
      </ol>
    </div>
  );
}
