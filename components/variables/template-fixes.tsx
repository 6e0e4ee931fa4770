"use client";

import { Button } from "@/components/ui/button";
import {
  convertMustacheVariables,
  escapeOffendingBraces,
  mustacheVariables,
  parseTemplate,
  templatedParts,
  type TemplatePlace,
} from "@/lib/chat/template";
import { format, messages as t } from "@/lib/i18n";
import { useWorkspace } from "@/lib/store/workspace-store";

type Fix = {
  key: string;
  where: string;
  /** The template error, with the text that reads its offending braces literally. */
  problem?: { message: string; fixed: string };
  /** Mustache-style `{{name}}` variables, with the text that has them as `{name}`. */
  mustache?: { names: string[]; converted: string };
  apply: (text: string) => void;
};

function placeName(place: TemplatePlace): string {
  if (place.kind === "system") return t.conversation.systemLabel;
  if (place.kind === "composer") return t.variables.composer;
  return format(t.variables.message, { n: place.index + 1 });
}

/** What is wrong or suspicious in each templated text of the workspace, with its one-click fix. */
function useTemplateFixes(): Fix[] {
  const system = useWorkspace((s) => s.system);
  const messages = useWorkspace((s) => s.messages);
  const composer = useWorkspace((s) => s.composer);
  return templatedParts({ system, messages, composer }).flatMap(({ place, text }): Fix[] => {
    const parsed = parseTemplate(text);
    const fixed = parsed.ok ? undefined : escapeOffendingBraces(text);
    const names = mustacheVariables(text);
    if (parsed.ok && names.length === 0) return [];
    const store = useWorkspace.getState();
    const messageId = place.kind === "message" ? messages[place.index]?.id : undefined;
    return [
      {
        key: place.kind === "message" ? `message-${place.index}` : place.kind,
        where: placeName(place),
        problem: !parsed.ok && fixed !== undefined ? { message: parsed.error.message, fixed } : undefined,
        mustache: names.length > 0 ? { names, converted: convertMustacheVariables(text) } : undefined,
        apply: (next) => {
          if (place.kind === "system") store.setSystem(next);
          else if (place.kind === "composer") store.setComposer(next);
          else if (messageId !== undefined) store.updateMessageContent(messageId, next);
        },
      },
    ];
  });
}

function FixRow({
  note,
  tone,
  action,
  label,
  onFix,
}: {
  note?: string;
  tone: "danger" | "warning";
  action: string;
  label: string;
  onFix: () => void;
}) {
  return (
    <div className="flex flex-wrap items-center gap-2">
      {note ? <p className={tone === "danger" ? "text-danger" : "text-warning"}>{note}</p> : null}
      <Button size="sm" variant="secondary" aria-label={label} onClick={onFix}>
        {action}
      </Button>
    </div>
  );
}

/**
 * Template errors and Mustache-style variables where the user can find them, each with its fix:
 * "Treat braces as literal" doubles the braces that break the text (JSON pasted into a prompt),
 * "Convert to {name}" rewrites `{{name}}` for this dialect. `errorsOnly` shows the error fixes
 * alone, as under a refused run, where the error is already said.
 */
export function TemplateFixes({ errorsOnly = false, onApplied }: { errorsOnly?: boolean; onApplied?: () => void }) {
  const fixes = useTemplateFixes().filter((fix) => !errorsOnly || fix.problem);
  if (fixes.length === 0) return null;
  const fix = (apply: (text: string) => void, text: string) => () => {
    apply(text);
    onApplied?.();
  };
  return (
    <ul className="space-y-2 text-xs">
      {fixes.map(({ key, where, problem, mustache, apply }) => (
        <li key={key} className="space-y-1" data-template-fix={key}>
          {problem ? (
            <FixRow
              tone="danger"
              note={errorsOnly ? undefined : format(t.variables.templateError, { where, message: problem.message })}
              action={t.variables.treatAsLiteral}
              label={format(t.variables.treatAsLiteralIn, { where })}
              onFix={fix(apply, problem.fixed)}
            />
          ) : null}
          {mustache && !errorsOnly ? (
            <FixRow
              tone="warning"
              note={format(t.variables.mustache, {
                where,
                names: mustache.names.map((name) => `{{${name}}}`).join(", "),
              })}
              action={t.variables.convertMustache}
              label={format(t.variables.convertMustacheIn, { where })}
              onFix={fix(apply, mustache.converted)}
            />
          ) : null}
        </li>
      ))}
    </ul>
  );
}
