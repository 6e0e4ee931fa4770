"use client";

import { useState } from "react";
import { RunAlert } from "@/components/conversation/run-alert";
import { ModelSelect } from "@/components/parameters/model-select";
import { useModelList } from "@/components/parameters/use-model-list";
import { PageShell } from "@/components/layout/page-shell";
import { RunStopButton } from "@/components/ui/run-stop-button";
import { TextareaField } from "@/components/ui/textarea-field";
import { VariableField } from "@/components/variables/variable-field";
import { useTranslations } from "next-intl";
import { findModel } from "@/lib/mistral/catalogue";
import { useTranslateDraft } from "@/lib/store/translate-store";
import { useWorkspace } from "@/lib/store/workspace-store";
import { findLanguage, offeredLanguages, userLanguageCode } from "@/lib/translate/languages";
import { translationTemplate } from "@/lib/translate/requests";
import { retryTranslation, startTranslations, stopTranslations } from "@/lib/run/translation-run";
import { translationSelectors, useTranslationRun } from "@/lib/store/translation-run-store";
import { LanguagePicker } from "./language-picker";
import { PromptTemplate } from "./prompt-template";
import { TranslationColumn } from "./translation-column";
import { TranslationTotals } from "./translation-totals";

/**
 * One source text, one streamed request per target language, all at once. The prompt is the
 * playground's when it is a translation template, else LangChain's translator chain.
 */
export function TranslateDemo({ serverHasKey }: { serverHasKey: boolean }) {
  const t = useTranslations();
  // The workspace is read once: the demo starts from it (or resumes what was typed against it).
  const [template] = useState(() => {
    const from = translationTemplate(useWorkspace.getState());
    useTranslateDraft.getState().resume(from);
    return from;
  });
  const [userCode] = useState(() => userLanguageCode(navigator.languages));
  const languages = offeredLanguages(userCode);
  const draft = useTranslateDraft((s) => s.draft);
  const { setSource, setValue, setModel, setTargets } = useTranslateDraft.getState();
  const targets = useTranslateDraft((s) => s.targets);
  const runLanguages = useTranslateDraft((s) => s.results.languages);
  const list = useModelList();
  const running = useTranslationRun(translationSelectors.running);
  const notice = useTranslationRun((s) => s.notice);
  const source = draft?.source ?? "";
  const values = draft?.values ?? template.values;
  const model = draft?.model ?? template.parameters.model;

  function translate() {
    startTranslations({
      serverHasKey,
      template,
      languages: languages.filter((language) => targets.includes(language.code)),
    });
  }

  return (
    <PageShell area="translate" serverHasKey={serverHasKey}>
      <section className="grid gap-4 rounded-lg border border-border bg-surface p-3 lg:grid-cols-[1fr_22rem]">
        <div className="flex min-w-0 flex-col gap-3">
          <TextareaField
            label={t("translate.source")}
            value={source}
            placeholder={t("translate.sourcePlaceholder")}
            onChange={(event) => setSource(event.target.value)}
            className="min-h-24"
          />
          {template.fields.map((name) => (
            <VariableField
              key={name}
              name={name}
              value={Object.hasOwn(values, name) ? (values[name] ?? "") : ""}
              onChange={(value) => setValue(name, value)}
            />
          ))}
          <PromptTemplate template={template} />
        </div>
        <div className="flex flex-col gap-3">
          <ModelSelect value={model} onChange={setModel} list={list} current={findModel(list?.models ?? [], model)} />
          <LanguagePicker
            languages={languages}
            userCode={userCode}
            selected={targets}
            disabled={running}
            onChange={setTargets}
          />
          <div className="flex justify-end">
            <RunStopButton
              running={running}
              onRun={translate}
              onStop={stopTranslations}
              runLabel={t("translate.run")}
              stopLabel={t("translate.stop")}
            />
          </div>
        </div>
      </section>
      {notice ? <RunAlert failure={notice} /> : null}
      {runLanguages.length > 0 ? (
        <>
          <section
            aria-label={t("translate.results")}
            className="grid [grid-template-columns:repeat(auto-fill,minmax(16rem,1fr))] gap-3"
          >
            {runLanguages.flatMap((code) => {
              const language = findLanguage(code);
              return language
                ? [
                    <TranslationColumn
                      key={code}
                      language={language}
                      onRetry={() => retryTranslation({ serverHasKey, template, language })}
                    />,
                  ]
                : [];
            })}
          </section>
          <TranslationTotals />
        </>
      ) : null}
    </PageShell>
  );
}
