"use client";

import { memo, useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { FilePickerButton } from "@/components/ui/file-picker-button";
import { Textarea } from "@/components/ui/textarea";
import {
  casesToCsv,
  casesToJsonl,
  parseCasesFile,
  parsePastedRows,
  type CaseRow as ImportedRow,
  type Parsed,
} from "@/lib/compare/cases";
import { saveFile } from "@/lib/export/save-file";
import { format, messages as t } from "@/lib/i18n";
import { useCompare } from "@/lib/store/compare-store";
import { CaseRow } from "./case-row";
import { CheckSelect } from "./check-select";

/** The test-case table: one column per variable, one row per case, with import, paste and export. */
export const TestCases = memo(function TestCases({ variables }: { variables: readonly string[] }) {
  const id = useId();
  const cases = useCompare((s) => s.cases);
  const { addCase, setCheckForAll, appendCases } = useCompare.getState();
  const [message, setMessage] = useState<{ kind: "error" | "info"; text: string } | null>(null);
  const [pasting, setPasting] = useState(false);
  const [pasted, setPasted] = useState("");
  const allChecks = new Set(cases.map((c) => c.check));
  const commonCheck = allChecks.size === 1 ? [...allChecks][0] : undefined;

  function add(parsed: Parsed<ImportedRow[]>): boolean {
    if (!parsed.ok) {
      setMessage({ kind: "error", text: parsed.error });
      return false;
    }
    appendCases(parsed.value);
    setMessage({ kind: "info", text: format(t.compare.cases.imported, { n: parsed.value.length }) });
    return true;
  }

  async function importFile(file: File) {
    add(parseCasesFile(file.name, await file.text()));
  }

  return (
    <section
      aria-labelledby={`${id}-heading`}
      className="flex flex-col gap-3 rounded-lg border border-border bg-surface p-3 [contain-intrinsic-size:auto_40rem] [content-visibility:auto]"
    >
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id={`${id}-heading`} className="text-sm font-semibold">
          {t.compare.cases.heading}
        </h2>
        <p className="text-xs text-muted">
          {variables.length > 0 ? t.compare.cases.hint : t.compare.cases.noVariables}
        </p>
      </div>
      <div className="overflow-x-auto">
        <table className="w-full border-collapse text-sm">
          <thead>
            <tr className="text-left text-xs text-muted">
              <th scope="col" className="px-2 py-1 font-medium">
                #
              </th>
              {variables.map((name) => (
                <th key={name} scope="col" className="px-2 py-1 font-mono font-medium">
                  {`{${name}}`}
                </th>
              ))}
              <th scope="col" className="px-2 py-1 font-medium">
                Expected
              </th>
              <th scope="col" className="px-2 py-1 font-medium">
                Check
              </th>
              <th scope="col" className="px-2 py-1">
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {cases.map((testCase, index) => (
              <CaseRow key={testCase.id} testCase={testCase} n={index + 1} variables={variables} />
            ))}
          </tbody>
        </table>
      </div>
      <div className="flex flex-wrap items-center gap-2">
        <Button size="sm" onClick={addCase}>
          {t.compare.cases.addCase}
        </Button>
        <Button size="sm" variant="ghost" aria-expanded={pasting} onClick={() => setPasting(!pasting)}>
          {t.compare.cases.paste}
        </Button>
        <FilePickerButton
          size="sm"
          variant="ghost"
          accept=".csv,.tsv,.jsonl,.ndjson,text/csv"
          onFile={(file) => void importFile(file)}
        >
          {t.compare.cases.import}
        </FilePickerButton>
        <Button
          size="sm"
          variant="ghost"
          disabled={cases.length === 0}
          onClick={() => saveFile(casesToCsv(cases, variables), "cases.csv", "text/csv")}
        >
          {t.compare.cases.exportCsv}
        </Button>
        <Button
          size="sm"
          variant="ghost"
          disabled={cases.length === 0}
          onClick={() => saveFile(casesToJsonl(cases, variables), "cases.jsonl", "application/jsonl")}
        >
          {t.compare.cases.exportJsonl}
        </Button>
        <label className="ml-auto flex items-center gap-2 text-xs text-muted">
          {t.compare.cases.checkForAll}
          <CheckSelect
            label={t.compare.cases.checkForAll}
            value={commonCheck ?? ""}
            onChange={setCheckForAll}
            className="w-48"
          />
        </label>
      </div>
      {pasting ? (
        <div className="flex flex-col gap-2">
          <label htmlFor={`${id}-paste`} className="text-xs text-muted">
            {t.compare.cases.pasteHint}
          </label>
          <Textarea
            id={`${id}-paste`}
            aria-label={t.compare.cases.pasteLabel}
            value={pasted}
            onChange={(event) => setPasted(event.target.value)}
            className="min-h-20 font-mono text-xs"
          />
          <div>
            <Button
              size="sm"
              onClick={() => {
                if (add(parsePastedRows(pasted, variables))) {
                  setPasted("");
                  setPasting(false);
                }
              }}
            >
              {t.compare.cases.pasteAdd}
            </Button>
          </div>
        </div>
      ) : null}
      {message ? (
        <p
          role={message.kind === "error" ? "alert" : "status"}
          data-kind={message.kind}
          className="text-xs text-muted data-[kind=error]:text-danger"
        >
          {message.text}
        </p>
      ) : null}
    </section>
  );
});
