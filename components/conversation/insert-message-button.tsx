"use client";

import { memo } from "react";
import { useTranslations } from "next-intl";
import { useWorkspace } from "@/lib/store/workspace-store";

/**
 * A thin "+" line between messages that inserts an empty message there. Invisible while an
 * answer streams (the conversation's fieldset is disabled then), keeping its place so that the
 * conversation does not move at Run and at the end.
 */
export const InsertMessageButton = memo(function InsertMessageButton({
  index,
  atEnd = false,
}: {
  index: number;
  atEnd?: boolean;
}) {
  const t = useTranslations();
  // Worded here, not by the list: formatting 500 labels on every render of the conversation
  // costs more than the memoised buttons themselves. The label says where the message goes and
  // starts with the visible text, which names what the button does.
  const label = atEnd ? t("conversation.insertEnd") : t("conversation.insertBefore", { n: index + 1 });
  return (
    <li className="flex justify-center">
      <button
        type="button"
        aria-label={label}
        onClick={() => {
          const { messages, insertMessage } = useWorkspace.getState();
          // Alternate roles by default: after a user message comes an assistant one.
          const before = messages[index - 1];
          insertMessage(index, before?.role === "user" ? "assistant" : "user");
        }}
        className="rounded-full px-2 text-xs text-muted hover:bg-surface-2 hover:text-fg disabled:invisible"
      >
        + {t(atEnd ? "conversation.add" : "conversation.insert")}
      </button>
    </li>
  );
});
