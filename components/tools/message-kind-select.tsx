"use client";

import type { ConversationMessage } from "@/lib/workspace/model";
import { useTranslations } from "next-intl";
import { useWorkspace } from "@/lib/store/workspace-store";
import { kindOf, type MessageKind } from "@/lib/tools/conversation";

/** The role of a message, with tool calls and tool results as kinds of their own. */
export function MessageKindSelect({ message, position }: { message: ConversationMessage; position: number }) {
  const t = useTranslations();
  return (
    <select
      aria-label={t("message.roleLabel", { n: position })}
      className="rounded border border-border bg-surface px-1 py-0.5 text-xs font-semibold tracking-wide uppercase"
      value={kindOf(message)}
      onChange={(event) => useWorkspace.getState().setMessageKind(message.id, event.target.value as MessageKind)}
    >
      <option value="user">{t("roles.user")}</option>
      <option value="assistant">{t("roles.assistant")}</option>
      <option value="tool_calls">{t("tools.kindToolCalls")}</option>
      <option value="tool">{t("tools.kindToolResult")}</option>
    </select>
  );
}
