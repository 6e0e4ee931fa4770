"use client";

import { useId, useRef, useState, type KeyboardEvent } from "react";
import { useShallow } from "zustand/react/shallow";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import { Modal } from "@/components/ui/modal";
import { generateCode, codeLanguages, type CodeLanguage } from "@/lib/export/code";
import { useTranslations } from "next-intl";
import { useWorkspace, type WorkspaceState } from "@/lib/store/workspace-store";
import { runnableSnapshot } from "@/lib/workspace/snapshot";

function CodeView({ language }: { language: CodeLanguage }) {
  const t = useTranslations();
  const workspace = useWorkspace(
    useShallow(({ system, messages, composer, composerAttachments, parameters, variables }): WorkspaceState => ({
      system,
      messages,
      composer,
      composerAttachments,
      parameters,
      variables,
    })),
  );
  const code = generateCode({ snapshot: runnableSnapshot(workspace), language });
  return (
    <div className="relative">
      <CopyButton text={code} label={t("code.copy")} className="absolute top-2 right-2 border border-border" />
      <pre className="max-h-[60vh] overflow-auto rounded-md bg-surface-2 p-3 font-mono text-[13px] leading-snug">
        <code>{code}</code>
      </pre>
    </div>
  );
}

/** "View code": the workspace as a runnable program, one tab per language. */
export function ViewCodeButton() {
  const t = useTranslations();
  const id = useId();
  const [open, setOpen] = useState(false);
  const [language, setLanguage] = useState<CodeLanguage>(codeLanguages[0]);
  const tabs = useRef<(HTMLButtonElement | null)[]>([]);

  // Arrow keys move between tabs, as in the WAI-ARIA tabs pattern (automatic activation).
  function onTabKeyDown(event: KeyboardEvent, index: number) {
    const last = codeLanguages.length - 1;
    const next =
      event.key === "ArrowRight"
        ? index === last
          ? 0
          : index + 1
        : event.key === "ArrowLeft"
          ? index === 0
            ? last
            : index - 1
          : event.key === "Home"
            ? 0
            : event.key === "End"
              ? last
              : undefined;
    if (next === undefined) return;
    event.preventDefault();
    setLanguage(codeLanguages[next] ?? language);
    tabs.current[next]?.focus();
  }

  return (
    <>
      <Button size="sm" onClick={() => setOpen(true)}>
        {t("code.open")}
      </Button>
      <Modal
        open={open}
        onClose={() => setOpen(false)}
        title={t("code.title")}
        className="w-[min(56rem,94vw)]"
        actions={
          <Button size="sm" variant="ghost" onClick={() => setOpen(false)}>
            {t("prompts.close")}
          </Button>
        }
      >
        <div role="tablist" aria-label={t("code.languages")} className="flex flex-wrap gap-1 border-b border-border">
          {codeLanguages.map((candidate, index) => {
            const selected = candidate === language;
            return (
              <button
                key={candidate}
                ref={(element) => {
                  tabs.current[index] = element;
                }}
                type="button"
                role="tab"
                id={`${id}-tab-${candidate}`}
                aria-selected={selected}
                aria-controls={`${id}-panel`}
                tabIndex={selected ? 0 : -1}
                data-state={selected ? "active" : "inactive"}
                onClick={() => setLanguage(candidate)}
                onKeyDown={(event) => onTabKeyDown(event, index)}
                className="-mb-px border-b-2 border-transparent px-3 py-1.5 text-sm font-medium text-muted hover:text-fg focus-visible:outline-2 focus-visible:outline-accent data-[state=active]:border-accent data-[state=active]:text-fg"
              >
                {t(`code.tabs.${candidate}`)}
              </button>
            );
          })}
        </div>
        <div role="tabpanel" id={`${id}-panel`} aria-labelledby={`${id}-tab-${language}`}>
          <CodeView language={language} />
        </div>
        <p className="text-xs text-muted">{t("code.hint")}</p>
      </Modal>
    </>
  );
}
