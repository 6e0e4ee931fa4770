import type { ReactNode } from "react";
import { useTranslations } from "next-intl";
import type { Translator } from "@/lib/i18n";
import type { DiffLine, PromptDiff, TextDiff } from "@/lib/prompts/library";

function Line({ line }: { line: DiffLine }) {
  const text = line.text === "" ? " " : line.text;
  if (line.kind === "added") {
    return (
      <ins className="block bg-success/10 text-success no-underline">
        <span aria-hidden>+ </span>
        {text}
      </ins>
    );
  }
  if (line.kind === "removed") {
    return (
      <del className="block bg-danger/10 text-danger no-underline">
        <span aria-hidden>- </span>
        {text}
      </del>
    );
  }
  return (
    <span className="block text-muted">
      <span aria-hidden>{"  "}</span>
      {text}
    </span>
  );
}

function TextDiffView({ diff }: { diff: TextDiff }) {
  return (
    <pre className="overflow-x-auto rounded-md bg-surface-2 p-2 font-mono text-xs leading-relaxed wrap-anywhere whitespace-pre-wrap">
      {diff.lines.map((line, index) => (
        <Line key={index} line={line} />
      ))}
    </pre>
  );
}

function Change({ title, detail, children }: { title: string; detail?: string; children: ReactNode }) {
  return (
    <section className="space-y-1">
      <h4 className="text-xs font-semibold text-muted">
        {title}
        {detail ? <span className="font-normal"> · {detail}</span> : null}
      </h4>
      {children}
    </section>
  );
}

function statusLabel(t: Translator, status: string): string | undefined {
  return status === "added" ? t("prompts.added") : status === "removed" ? t("prompts.removed") : undefined;
}

/** What changed between two versions, part by part; unchanged parts are left out. */
export function VersionDiff({ diff }: { diff: PromptDiff }) {
  const t = useTranslations();
  if (!diff.changed) return <p className="text-sm text-muted">{t("prompts.noDifferences")}</p>;
  return (
    <div className="space-y-3">
      {diff.system.changed ? (
        <Change title={t("prompts.system")}>
          <TextDiffView diff={diff.system} />
        </Change>
      ) : null}
      {diff.messages
        .filter((message) => message.status !== "unchanged")
        .map((message) => {
          const { before, after } = message.role;
          const roleChange =
            message.status === "changed" && before && after && before !== after
              ? t("prompts.roleChange", { before: t(`roles.${before}`), after: t(`roles.${after}`) })
              : undefined;
          return (
            <Change
              key={message.index}
              title={t("prompts.messageAt", { n: message.index + 1 })}
              detail={statusLabel(t, message.status) ?? roleChange}
            >
              <TextDiffView diff={message.content} />
              {message.tools.changed ? <TextDiffView diff={message.tools} /> : null}
            </Change>
          );
        })}
      {diff.composer.changed ? (
        <Change title={t("prompts.composer")}>
          <TextDiffView diff={diff.composer} />
        </Change>
      ) : null}
      {diff.parameters
        .filter((parameter) => parameter.status === "changed")
        .map((parameter) => (
          <Change key={parameter.name} title={t("prompts.parameter", { name: parameter.name })}>
            <TextDiffView diff={parameter.diff} />
          </Change>
        ))}
      {diff.variables
        .filter((variable) => variable.status !== "unchanged")
        .map((variable) => (
          <Change
            key={variable.name}
            title={t("prompts.variable", { name: variable.name })}
            detail={statusLabel(t, variable.status)}
          >
            <TextDiffView diff={variable.diff} />
          </Change>
        ))}
    </div>
  );
}
