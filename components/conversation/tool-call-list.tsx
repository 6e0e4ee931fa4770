import type { ToolCall } from "@/lib/workspace/model";
import { format, messages as t } from "@/lib/i18n";

function pretty(argumentsText: string): string {
  try {
    return JSON.stringify(JSON.parse(argumentsText), null, 2);
  } catch {
    return argumentsText;
  }
}

/** The tool calls of an assistant message: name, id and pretty-printed arguments. */
export function ToolCallList({ calls }: { calls: ToolCall[] }) {
  return (
    <ul className="mt-2 space-y-2">
      {calls.map((call) => (
        <li key={call.id} className="rounded-md border border-border bg-surface-2 p-2 text-xs">
          <p className="font-medium">{format(t.message.toolCall, { name: call.name, id: call.id })}</p>
          <pre className="mt-1 overflow-x-auto font-mono whitespace-pre-wrap">{pretty(call.arguments)}</pre>
        </li>
      ))}
    </ul>
  );
}
