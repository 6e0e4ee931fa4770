"use client";

import { useState } from "react";
import { ShareDialog, type ShareState } from "@/components/share/share-dialog";
import { Button } from "@/components/ui/button";
import type { FailureView } from "@/lib/chat/failure";
import { resultsToCsv } from "@/lib/compare/results";
import { variablesOf } from "@/lib/compare/request";
import { comparisonSchema, comparisonShareSnapshot, comparisonToJson, type Comparison } from "@/lib/compare/share";
import { saveFile } from "@/lib/export/save-file";
import { useTranslations } from "next-intl";
import { useCompare } from "@/lib/store/compare-store";
import { useShares } from "@/lib/store/shares-store";

function currentComparison(): { ok: true; value: Comparison } | { ok: false; error: FailureView } {
  const { variants, userMessage, values, answers, cases, results, judge } = useCompare.getState();
  const parsed = comparisonSchema.safeParse({ variants, userMessage, values, answers, cases, results, judge });
  if (parsed.success) return { ok: true, value: parsed.data };
  return { ok: false, error: { code: "too_large", message: parsed.error.issues.map((i) => i.message).join(" ") } };
}

/** Share the comparison as a `/s/{id}` link, export it as JSON, export the results as CSV. */
export function ComparisonActions() {
  const t = useTranslations();
  const [open, setOpen] = useState(false);
  const [state, setState] = useState<ShareState>({ kind: "creating" });

  async function share() {
    setOpen(true);
    setState({ kind: "creating" });
    const comparison = currentComparison();
    if (!comparison.ok) {
      setState({ kind: "failed", error: comparison.error });
      return;
    }
    const result = await useShares.getState().createShare(comparisonShareSnapshot(comparison.value));
    setState(result.ok ? { kind: "created", share: result.value } : { kind: "failed", error: result.error });
  }

  function exportJson() {
    const comparison = currentComparison();
    if (comparison.ok) saveFile(comparisonToJson(comparison.value), "comparison.json", "application/json");
  }

  function exportCsv() {
    const { variants, userMessage, cases, results } = useCompare.getState();
    const csv = resultsToCsv({ cases, variables: variablesOf(variants, userMessage), variants, results });
    saveFile(csv, "results.csv", "text/csv");
  }

  return (
    <>
      <Button size="sm" onClick={share}>
        {t("compare.share")}
      </Button>
      <Button size="sm" variant="ghost" onClick={exportJson}>
        {t("compare.results.exportJson")}
      </Button>
      <Button size="sm" variant="ghost" onClick={exportCsv}>
        {t("compare.results.exportCsv")}
      </Button>
      <ShareDialog open={open} onClose={() => setOpen(false)} state={state} title={t("compare.shareDialogTitle")} />
    </>
  );
}
