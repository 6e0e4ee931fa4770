"use client";

import { useRouter } from "next/navigation";
import { useCallback, useEffect, useMemo } from "react";
import { RunAlert } from "@/components/conversation/run-alert";
import { isRunShortcut } from "@/components/conversation/run-shortcut";
import { useModelList } from "@/components/parameters/use-model-list";
import { PageShell } from "@/components/layout/page-shell";
import { Button } from "@/components/ui/button";
import { RunStopButton } from "@/components/ui/run-stop-button";
import { TextareaField } from "@/components/ui/textarea-field";
import { VariableField } from "@/components/variables/variable-field";
import { variablesOf, variantSnapshot } from "@/lib/compare/request";
import { runVariants, stopAll } from "@/lib/run/compare-run";
import { compareRunSelectors, useCompareRun } from "@/lib/store/compare-run-store";
import { MAX_VARIANTS, type Variant } from "@/lib/compare/variants";
import { useTranslations } from "next-intl";
import { useCompare } from "@/lib/store/compare-store";
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
  const t = useTranslations();
  const router = useRouter();
  const variants = useCompare((s) => s.variants);
  const userMessage = useCompare((s) => s.userMessage);
  const values = useCompare((s) => s.values);
  const hasCases = useCompare((s) => s.cases.length > 0);
  const { setUserMessage, setValue, addVariant } = useCompare.getState();
  const running = useCompareRun((s) => s.running.length > 0);
  const busy = useCompareRun(compareRunSelectors.busy);
  const notice = useCompareRun((s) => s.notice);
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
    <PageShell area="compare" actions={<ComparisonActions />} serverHasKey={serverHasKey} className="max-w-[120rem]">
      <section className="flex flex-col gap-3 rounded-lg border border-border bg-surface p-3">
        <TextareaField
          label={t("compare.userMessage")}
          value={userMessage}
          placeholder={t("compare.userMessagePlaceholder")}
          onChange={(event) => setUserMessage(event.target.value)}
          onKeyDown={(event) => {
            if (isRunShortcut(event) && !running) {
              event.preventDefault();
              runVariants({ serverHasKey });
            }
          }}
          className="min-h-16"
        />
        {variables.length > 0 ? (
          <fieldset className="grid gap-2 sm:grid-cols-2 lg:grid-cols-4">
            <legend className="mb-1 text-xs font-medium text-muted">{t("compare.values")}</legend>
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
          <RunStopButton
            running={running}
            disabled={busy}
            onRun={() => runVariants({ serverHasKey })}
            onStop={stopAll}
            runLabel={t("compare.run")}
            stopLabel={t("compare.stop")}
          />
          <Button disabled={variants.length >= MAX_VARIANTS || busy} onClick={addVariant}>
            {t("compare.addVariant")}
          </Button>
        </div>
      </section>
      {notice ? <RunAlert failure={notice} /> : null}
      <div
        aria-label={t("compare.variantsLabel")}
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
    </PageShell>
  );
}
