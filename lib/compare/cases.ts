import Papa from "papaparse";
import { z } from "zod";
import { t } from "@/lib/i18n";
import { checkKindSchema, type CheckKind } from "./checks";
import { parseJson } from "@/lib/json";

/** One row of the test-case table: a value per variable and what the answer should be. */
export const testCaseSchema = z.object({
  id: z.string(),
  values: z.record(z.string(), z.string()),
  expected: z.string(),
  check: checkKindSchema,
});
export type TestCase = z.infer<typeof testCaseSchema>;

/** A case as read from a file or a paste, before it gets an id. */
export type CaseRow = { values: Record<string, string>; expected: string; check?: CheckKind };

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };

export const MAX_CASES = 500;
const EXPECTED_COLUMN = "expected";
const CHECK_COLUMN = "check";
const RESERVED = new Set([EXPECTED_COLUMN, CHECK_COLUMN]);

/** A case whose variables lack a value cannot run; the names are the reason it is skipped. */
export function missingValues(testCase: Pick<TestCase, "values">, variables: readonly string[]): string[] {
  return variables.filter((name) => (testCase.values[name] ?? "") === "");
}

function rowFrom(record: Record<string, string>, where: string): Parsed<CaseRow> {
  const values: Record<string, string> = {};
  let expected = "";
  let check: CheckKind | undefined;
  for (const [key, value] of Object.entries(record)) {
    const column = key.trim();
    if (column.toLowerCase() === EXPECTED_COLUMN) expected = value;
    else if (column.toLowerCase() === CHECK_COLUMN) {
      if (value.trim() === "") continue;
      const parsed = checkKindSchema.safeParse(value.trim().toLowerCase());
      if (!parsed.success) return { ok: false, error: t("compare.import.badCheck", { where, value }) };
      check = parsed.data;
    } else values[column] = value;
  }
  return { ok: true, value: { values, expected, ...(check ? { check } : {}) } };
}

function checkCount(rows: readonly CaseRow[]): Parsed<CaseRow[]> {
  if (rows.length === 0) return { ok: false, error: t("compare.import.empty") };
  if (rows.length > MAX_CASES) return { ok: false, error: t("compare.import.tooMany", { max: MAX_CASES }) };
  return { ok: true, value: [...rows] };
}

/** Rows of delimited text (CSV, or a spreadsheet's tab-separated copy). */
function parseDelimited(text: string, delimiter?: string): Parsed<string[][]> {
  const parsed = Papa.parse<string[]>(text.replace(/\r?\n$/, ""), {
    skipEmptyLines: "greedy",
    ...(delimiter ? { delimiter } : {}),
  });
  const error = parsed.errors.find((e) => e.type !== "Delimiter");
  if (error) {
    const where = error.row === undefined ? "" : t("compare.import.row", { n: error.row + 1 });
    return { ok: false, error: t("compare.import.badCsv", { where, detail: error.message }) };
  }
  return { ok: true, value: parsed.data };
}

/** CSV whose first row names the variables; `expected` and `check` columns are optional. */
export function parseCasesCsv(text: string): Parsed<CaseRow[]> {
  const table = parseDelimited(text);
  if (!table.ok) return table;
  const [header, ...rows] = table.value;
  if (!header || header.every((cell) => cell.trim() === "")) return { ok: false, error: t("compare.import.empty") };
  const names = header.map((cell) => cell.trim());
  const blank = names.findIndex((name) => name === "");
  if (blank >= 0) return { ok: false, error: t("compare.import.blankColumn", { n: blank + 1 }) };
  const duplicate = names.find((name, index) => names.indexOf(name) !== index);
  if (duplicate !== undefined) return { ok: false, error: t("compare.import.duplicateColumn", { name: duplicate }) };
  const cases: CaseRow[] = [];
  for (const [index, cells] of rows.entries()) {
    const where = t("compare.import.row", { n: index + 2 });
    if (cells.length !== names.length) {
      return {
        ok: false,
        error: t("compare.import.cellCount", { where, found: cells.length, expected: names.length }),
      };
    }
    const row = rowFrom(Object.fromEntries(names.map((name, i) => [name, cells[i] ?? ""])), where);
    if (!row.ok) return row;
    cases.push(row.value);
  }
  return checkCount(cases);
}

const jsonlValueSchema = z.union([z.string(), z.number(), z.boolean()]).transform(String);
const jsonlLineSchema = z.record(z.string(), jsonlValueSchema);

/** One JSON object per line; its keys name the variables (`expected`, `check` as in CSV). */
export function parseCasesJsonl(text: string): Parsed<CaseRow[]> {
  const cases: CaseRow[] = [];
  for (const [index, line] of text.split(/\r?\n/).entries()) {
    if (line.trim() === "") continue;
    const where = t("compare.import.line", { n: index + 1 });
    const json = parseJson(line);
    if (!json.ok) return { ok: false, error: t("compare.import.badJson", { where, detail: json.error }) };
    const record = jsonlLineSchema.safeParse(json.value);
    if (!record.success) return { ok: false, error: t("compare.import.notFlatObject", { where }) };
    const row = rowFrom(record.data, where);
    if (!row.ok) return row;
    cases.push(row.value);
  }
  return checkCount(cases);
}

/** By the file's name: `.jsonl`/`.ndjson` are JSON Lines, anything else CSV. */
export function parseCasesFile(name: string, text: string): Parsed<CaseRow[]> {
  return /\.(jsonl|ndjson)$/i.test(name) ? parseCasesJsonl(text) : parseCasesCsv(text);
}

/**
 * Rows pasted from a spreadsheet (tab-separated). With a header row naming known variables the
 * columns go by name; otherwise they fill the table's columns in order, then Expected.
 */
export function parsePastedRows(text: string, variables: readonly string[]): Parsed<CaseRow[]> {
  const table = parseDelimited(text, text.includes("\t") ? "\t" : ",");
  if (!table.ok) return table;
  const [first, ...rest] = table.value;
  if (!first) return { ok: false, error: t("compare.import.empty") };
  const isHeader = first.some((cell) => variables.includes(cell.trim()) || RESERVED.has(cell.trim().toLowerCase()));
  const names = isHeader ? first.map((cell) => cell.trim()) : [...variables, EXPECTED_COLUMN];
  const rows = isHeader ? rest : table.value;
  const cases: CaseRow[] = [];
  for (const [index, cells] of rows.entries()) {
    const where = t("compare.import.row", { n: index + (isHeader ? 2 : 1) });
    if (cells.length > names.length) {
      return {
        ok: false,
        error: t("compare.import.cellCount", { where, found: cells.length, expected: names.length }),
      };
    }
    const row = rowFrom(Object.fromEntries(cells.map((cell, i) => [names[i] ?? "", cell])), where);
    if (!row.ok) return row;
    cases.push(row.value);
  }
  return checkCount(cases);
}

function caseRecord(testCase: TestCase, variables: readonly string[]): Record<string, string> {
  return {
    ...Object.fromEntries(variables.map((name) => [name, testCase.values[name] ?? ""])),
    [EXPECTED_COLUMN]: testCase.expected,
    [CHECK_COLUMN]: testCase.check,
  };
}

/** The cases as CSV that `parseCasesCsv` reads back. */
export function casesToCsv(cases: readonly TestCase[], variables: readonly string[]): string {
  const fields = [...variables, EXPECTED_COLUMN, CHECK_COLUMN];
  return `${Papa.unparse({ fields, data: cases.map((c) => fields.map((f) => caseRecord(c, variables)[f])) })}\n`;
}

/** The cases as JSON Lines that `parseCasesJsonl` reads back. */
export function casesToJsonl(cases: readonly TestCase[], variables: readonly string[]): string {
  return cases.map((c) => JSON.stringify(caseRecord(c, variables))).join("\n") + (cases.length > 0 ? "\n" : "");
}
