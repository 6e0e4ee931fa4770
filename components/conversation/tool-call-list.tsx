import type { ToolCall } from "@/lib/workspace/model";
import { useTranslations } from "next-intl";
import { prettyJson } from "@/lib/render/pretty-json";
import { PlainTextNote } from "./plain-text-note";

/** The tool calls of an assistant message: name, id and pretty-printed arguments. */
export function ToolCallList({ calls }: { calls: ToolCall[] }) {
  const t = useTranslations();
  return (
    <ul className="mt-2 space-y-2">
      {calls.map((call) => (
        <li key={call.id} className="rounded-md border border-border bg-surface-2 p-2 text-xs">
          <p className="font-medium">{t("message.toolCall", { name: call.name, id: call.id })}</p>
          <ToolArguments text={call.arguments} />
        </li>
      ))}
    </ul>
  );
}

/** Arguments that are not JSON are shown as written; JSON too large or deep to lay out says so. */
function ToolArguments({ text }: { text: string }) {
  const pretty = prettyJson(text);
  return (
    <>
      <pre className="mt-1 overflow-x-auto font-mono wrap-anywhere whitespace-pre-wrap">
        {pretty.ok ? pretty.text : text}
      </pre>
      {!pretty.ok && pretty.reason !== "not_json" ? <PlainTextNote reason={pretty.reason} /> : null}
    </>
  );
}
