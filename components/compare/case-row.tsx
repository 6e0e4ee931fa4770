"use client";

import { Button } from "@/components/ui/button";
import { Textarea } from "@/components/ui/textarea";
import { missingValues, type TestCase } from "@/lib/compare/cases";
import { expectedError } from "@/lib/compare/checks";
import { useTranslations } from "next-intl";
import { useCompare } from "@/lib/store/compare-store";
import { CheckSelect } from "./check-select";

const cellClass = "max-h-32 min-h-8 px-2 py-1 font-normal";

/** One test case: a value per variable, the expected output and its check. */
export function CaseRow({ testCase, n, variables }: { testCase: TestCase; n: number; variables: readonly string[] }) {
  const t = useTranslations();
  const { setCaseValue, setCaseExpected, setCaseCheck, duplicateCase, deleteCase } = useCompare.getState();
  const missing = missingValues(testCase, variables);
  const error = expectedError(testCase.check, testCase.expected);
  const errorId = `case-${testCase.id}-expected-error`;
  return (
    <tr className="align-top" data-missing={missing.length > 0}>
      <th scope="row" className="px-2 py-1 text-left text-xs font-medium whitespace-nowrap text-muted">
        {n}
        {missing.length > 0 ? (
          <p className="mt-1 max-w-40 text-xs font-normal whitespace-normal text-warning">
            {t("compare.cases.missing", { names: missing.map((name) => `{${name}}`).join(", ") })}
          </p>
        ) : null}
      </th>
      {variables.map((name) => (
        <td key={name} className="min-w-40 px-1 py-1">
          <Textarea
            rows={1}
            aria-label={t("compare.cases.cellLabel", { name, n })}
            value={testCase.values[name] ?? ""}
            onChange={(event) => setCaseValue(testCase.id, name, event.target.value)}
            className={cellClass}
          />
        </td>
      ))}
      <td className="min-w-48 px-1 py-1">
        <Textarea
          rows={1}
          aria-label={t("compare.cases.expectedLabel", { n })}
          aria-invalid={error !== null}
          aria-describedby={error ? errorId : undefined}
          value={testCase.expected}
          onChange={(event) => setCaseExpected(testCase.id, event.target.value)}
          className={`${cellClass} aria-invalid:border-danger`}
        />
        {error ? (
          <p id={errorId} className="mt-1 text-xs text-danger">
            {error}
          </p>
        ) : null}
      </td>
      <td className="px-1 py-1">
        <CheckSelect
          label={t("compare.cases.checkLabel", { n })}
          value={testCase.check}
          onChange={(kind) => setCaseCheck(testCase.id, kind)}
          className="min-w-32"
        />
      </td>
      <td className="px-1 py-1 whitespace-nowrap">
        <Button
          size="sm"
          variant="ghost"
          aria-label={t("compare.cases.duplicateCase", { n })}
          onClick={() => duplicateCase(testCase.id)}
        >
          {t("compare.duplicate")}
        </Button>
        <Button
          size="sm"
          variant="ghost"
          aria-label={t("compare.cases.deleteCase", { n })}
          onClick={() => deleteCase(testCase.id)}
        >
          {t("compare.remove")}
        </Button>
      </td>
    </tr>
  );
}
