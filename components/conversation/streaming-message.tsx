"use client";

import type { PlaygroundUIMessage } from "@/lib/chat/ui-message";
import { messages as t } from "@/lib/i18n";
import { Markdown } from "./markdown";

/** The answer while it streams; it joins the conversation as an editable message when done. */
export function StreamingMessage({ message }: { message: PlaygroundUIMessage | undefined }) {
  const text = message?.parts.map((part) => (part.type === "text" ? part.text : "")).join("") ?? "";
  return (
    <li
      className="rounded-lg border border-accent/50 bg-surface p-3"
      aria-busy="true"
      aria-label={t.conversation.streaming}
    >
      <div className="mb-2 flex items-center gap-2 text-xs font-semibold tracking-wide text-muted uppercase">
        {t.roles.assistant}
        <span className="inline-block h-2 w-2 animate-pulse rounded-full bg-accent" aria-hidden />
      </div>
      <div data-testid="streaming-text">
        {text ? <Markdown text={text} /> : <p className="text-sm text-muted">{t.conversation.waiting}</p>}
      </div>
    </li>
  );
}
