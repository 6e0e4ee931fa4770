"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useId, useMemo } from "react";
import { RunAlert } from "@/components/conversation/run-alert";
import { isRunShortcut } from "@/components/conversation/run-shortcut";
import { useModelList } from "@/components/parameters/use-model-list";
import { SettingsButton } from "@/components/settings/settings-dialog";
import { Button } from "@/components/ui/button";
import { Textarea } from "@/components/ui/textarea";
import { VariableField } from "@/components/variables/variable-field";
import { variablesOf, variantSnapshot } from "@/lib/compare/request";
import { runVariants, stopAll } from "@/lib/run/compare-run";
import { compareRunSelectors, useCompareRun } from "@/lib/store/compare-run-store";
import { MAX_VARIANTS, type Variant } from "@/lib/compare/variants";
import { messages as t } from "@/lib/i18n";
import { useCompare } from "@/lib/store/compare-store";
import { useSettings } from "@/lib/store/settings-store";
import { replaceWorkspace } from "@/lib/run/workspace-replacement";
import { useWorkspace } from "@/lib/store/workspace-store";
import { snapshotOf } from "@/lib/workspace/snapshot";
import { AnswerDiff } from "./answer-diff";
import { CaseRunControls } from "./case-run-controls";
import { ComparisonActions } from "./comparison-actions";
import { CaseResults } from "./case-results";
import { JudgeSettings } from "./judge-settings";
import { TestCases } from "./test-cases";
import { VariantCard } from "./variant-card";

/** Variants side by side answering one user message, then test cases over all of them. */
export function CompareWorkspace({ serverHasKey }: { serverHasKey: boolean }) {
  const id = useId();
  const router = useRouter();
  const variants = useCompare((s) => s.variants);
  const userMessage = useCompare((s) => s.userMessage);
  const values = useCompare((s) => s.values);
  const hasCases = useCompare((s) => s.cases.length > 0);
  const { setUserMessage, setValue, addVariant } = useCompare.getState();
  const running = useCompareRun((s) => s.running.length > 0);
  const busy = useCompareRun(compareRunSelectors.busy);
  const notice = useCompareRun((s) => s.notice);
  const hasUserKey = useSettings((s) => s.apiKey !== "");
  const list = useModelList();
  const variables = useMemo(() => variablesOf(variants, userMessage), [variants, userMessage]);

  useEffect(() => {
    // The first visit starts from the playground's prompt; afterwards the page keeps its own.
    const { composer } = useWorkspace.getState();
    useCompare.getState().seed({ ...snapshotOf(useWorkspace.getState()), composer });
  }, []);

  const openInPlayground = useCallback(
    (variant: Variant) => {
      const { userMessage: text, values: current } = useCompare.getState();
      void replaceWorkspace({ title: variant.name, snapshot: variantSnapshot(variant, text, current) });
      router.push("/");
    },
    [router],
  );

  return (
    <div className="mx-auto flex min-h-screen max-w-[120rem] flex-col gap-4 px-4 py-4">
      <header className="flex flex-wrap items-center gap-3">
        <h1 className="text-lg font-semibold">{t.compare.title}</h1>
        <div className="ml-auto flex flex-wrap items-center gap-2">
          <ComparisonActions />
          <Link
            href="/"
            className="rounded-md px-2 py-1 text-xs font-medium text-muted hover:bg-surface-2 hover:text-fg"
          >
            {t.compare.back}
          </Link>
          <SettingsButton serverHasKey={serverHasKey} />
        </div>
      </header>
      <p className="text-sm text-muted">{t.compare.intro}</p>
      {!serverHasKey && !hasUserKey ? (
        <p className="rounded-lg border border-warning/40 bg-warning/10 p-3 text-sm">{t.errors.no_api_key}</p>
      ) : null}
      <section className="flex flex-col gap-3 rounded-lg border border-border bg-surface p-3">
        <div className="space-y-1">
          <label htmlFor={`${id}-user`} className="block text-xs font-medium text-muted">
            {t.compare.userMessage}
          </label>
          <Textarea
            id={`${id}-user`}
            value={userMessage}
            placeholder={t.compare.userMessagePlaceholder}
            onChange={(event) => setUserMessage(event.target.value)}
            onKeyDown={(event) => {
              if (isRunShortcut(event) && !running) {
                event.preventDefault();
                runVariants({ serverHasKey });
              }
            }}
            className="min-h-16"
          />
        </div>
        {variables.length > 0 ? (
          <fieldset className="grid gap-2 sm:grid-cols-2 lg:grid-cols-4">
            <legend className="mb-1 text-xs font-medium text-muted">{t.compare.values}</legend>
            {variables.map((name) => (
              <VariableField
                key={name}
                name={name}
                value={values[name] ?? ""}
                onChange={(value) => setValue(name, value)}
              />
            ))}
          </fieldset>
        ) : null}
        <div className="flex flex-wrap items-center gap-2">
          {running ? (
            <Button variant="danger" onClick={stopAll}>
              {t.compare.stop}
            </Button>
          ) : (
            <Button variant="primary" disabled={busy} onClick={() => runVariants({ serverHasKey })}>
              {t.compare.run}
            </Button>
          )}
          <Button disabled={variants.length >= MAX_VARIANTS || busy} onClick={addVariant}>
            {t.compare.addVariant}
          </Button>
        </div>
      </section>
      {notice ? <RunAlert failure={notice} /> : null}
      <div
        aria-label={t.compare.variantsLabel}
        role="group"
        className="grid grid-cols-1 gap-3 md:grid-cols-2 xl:grid-cols-4"
      >
        {variants.map((variant) => (
          <VariantCard
            key={variant.id}
            variant={variant}
            count={variants.length}
            list={list}
            serverHasKey={serverHasKey}
            onOpenInPlayground={openInPlayground}
          />
        ))}
      </div>
      <AnswerDiff variants={variants} />
      <TestCases variables={variables} />
      <JudgeSettings list={list} disabled={busy} />
      <CaseRunControls serverHasKey={serverHasKey} />
      {hasCases ? <CaseResults variants={variants} /> : null}
    </div>
  );
}
