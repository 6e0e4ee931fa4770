"use client";

import { useId } from "react";
import { useSecondsLeft } from "@/components/ui/use-seconds-left";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/field";
import { runCases, stopAll, type CaseSelection } from "@/lib/run/compare-run";
import { useCompareRun, compareRunSelectors } from "@/lib/store/compare-run-store";
import { useTranslations } from "next-intl";
import { MAX_CONCURRENCY, useCompare } from "@/lib/store/compare-store";

/** Run cases (all, only failed, only missing), how many requests at once, and the progress. */
export function CaseRunControls({ serverHasKey }: { serverHasKey: boolean }) {
  const t = useTranslations();
  const id = useId();
  const concurrency = useCompare((s) => s.concurrency);
  const setConcurrency = useCompare((s) => s.setConcurrency);
  const progress = useCompareRun((s) => s.cases);
  const busy = useCompareRun(compareRunSelectors.busy);
  const start = (selection: CaseSelection) => void runCases({ serverHasKey, selection });

  return (
    <div className="flex flex-wrap items-center gap-2">
      {progress ? (
        <Button variant="danger" onClick={stopAll}>
          {t("compare.stop")}
        </Button>
      ) : (
        <>
          <Button variant="primary" disabled={busy} onClick={() => start("all")}>
            {t("compare.cases.runCases")}
          </Button>
          <Button size="sm" disabled={busy} onClick={() => start("failed")}>
            {t("compare.cases.runFailed")}
          </Button>
          <Button size="sm" disabled={busy} onClick={() => start("missing")}>
            {t("compare.cases.runMissing")}
          </Button>
        </>
      )}
      <label htmlFor={`${id}-concurrency`} className="ml-2 text-xs text-muted">
        {t("compare.cases.concurrency")}
      </label>
      <Input
        id={`${id}-concurrency`}
        type="number"
        min={1}
        max={MAX_CONCURRENCY}
        value={concurrency}
        disabled={progress !== null}
        onChange={(event) => setConcurrency(Number(event.target.value))}
        className="w-16"
      />
      {progress ? (
        <div className="flex min-w-48 flex-1 items-center gap-2">
          <progress
            aria-label={t("compare.cases.progress")}
            value={progress.done}
            max={progress.total}
            aria-valuenow={progress.done}
            aria-valuemax={progress.total}
            className="h-2 flex-1 overflow-hidden rounded-full [&::-moz-progress-bar]:bg-accent [&::-webkit-progress-bar]:bg-surface-2 [&::-webkit-progress-value]:bg-accent"
          />
          <span className="text-xs text-muted tabular-nums" data-testid="case-progress">
            {t("compare.cases.progressText", progress)}
          </span>
          {progress.retryAt !== undefined ? <RetryCountdown until={progress.retryAt} /> : null}
        </div>
      ) : null}
    </div>
  );
}

/** "Trying again in N s" while a rate-limited request waits; nothing once the wait is over. */
function RetryCountdown({ until }: { until: number }) {
  const t = useTranslations();
  const seconds = useSecondsLeft(until);
  return (
    <span role="status" className="text-xs text-warning tabular-nums">
      {seconds > 0 ? t("compare.cases.retrying", { seconds }) : null}
    </span>
  );
}
