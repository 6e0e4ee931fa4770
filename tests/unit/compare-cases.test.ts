import { describe, expect, it } from "vitest";
import {
  casesToCsv,
  casesToJsonl,
  missingValues,
  parseCasesCsv,
  parseCasesFile,
  parseCasesJsonl,
  parsePastedRows,
  type TestCase,
} from "@/lib/compare/cases";

const cases: TestCase[] = [
  { id: "a", values: { language: "French", text: 'She said "hi", then left' }, expected: "Bonjour", check: "contains" },
  { id: "b", values: { language: "German", text: "line one\nline two" }, expected: "^Hallo", check: "regex" },
];

describe("test cases from CSV", () => {
  it("takes the first row as variable names, with optional expected and check columns", () => {
    const parsed = parseCasesCsv("language,text,expected,check\nFrench,Hello,Bonjour,equals\nGerman,Hi,,\n");
    expect(parsed).toEqual({
      ok: true,
      value: [
        { values: { language: "French", text: "Hello" }, expected: "Bonjour", check: "equals" },
        { values: { language: "German", text: "Hi" }, expected: "" },
      ],
    });
  });

  it("round-trips quotes, commas and line breaks through export and import", () => {
    const csv = casesToCsv(cases, ["language", "text"]);
    const parsed = parseCasesCsv(csv);
    expect(parsed.ok && parsed.value).toEqual(
      cases.map(({ values, expected, check }) => ({ values, expected, check })),
    );
  });

  it("refuses a row with the wrong number of cells, naming the row", () => {
    expect(parseCasesCsv("a,b\n1,2\n3\n")).toEqual({ ok: false, error: "row 3 has 1 cells, the first row 2." });
  });

  it("refuses duplicate and blank column names, unknown checks and empty files", () => {
    expect(parseCasesCsv("a,a\n1,2")).toMatchObject({ ok: false, error: expect.stringContaining("a appears twice") });
    expect(parseCasesCsv("a,,b\n1,2,3")).toMatchObject({ ok: false, error: expect.stringContaining("Column 2") });
    expect(parseCasesCsv("a,check\n1,fuzzy")).toMatchObject({ ok: false, error: expect.stringContaining("fuzzy") });
    expect(parseCasesCsv("")).toEqual({ ok: false, error: "The file holds no cases." });
    expect(parseCasesCsv("a,b\n")).toEqual({ ok: false, error: "The file holds no cases." });
  });
});

describe("test cases from JSON Lines", () => {
  it("reads one object per line, numbers and booleans as text, blank lines skipped", () => {
    const parsed = parseCasesJsonl(
      '{"language":"French","n":3,"expected":"Bonjour"}\n\n{"language":"German","flag":true}\n',
    );
    expect(parsed).toEqual({
      ok: true,
      value: [
        { values: { language: "French", n: "3" }, expected: "Bonjour" },
        { values: { language: "German", flag: "true" }, expected: "" },
      ],
    });
  });

  it("round-trips the export", () => {
    const parsed = parseCasesJsonl(casesToJsonl(cases, ["language", "text"]));
    expect(parsed.ok && parsed.value).toEqual(
      cases.map(({ values, expected, check }) => ({ values, expected, check })),
    );
  });

  it("names the line that is not JSON or not a flat object", () => {
    expect(parseCasesJsonl('{"a":"1"}\n{oops')).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^line 2 is not JSON/),
    });
    expect(parseCasesJsonl('{"a":{"b":1}}')).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^line 1 must be one JSON object/),
    });
    expect(parseCasesJsonl("[1,2]")).toMatchObject({ ok: false });
  });

  it("picks the parser by file name", () => {
    expect(parseCasesFile("cases.jsonl", '{"a":"1"}').ok).toBe(true);
    // As CSV, the same line is a header with no rows.
    expect(parseCasesFile("cases.csv", '{"a":"1"}')).toEqual({ ok: false, error: "The file holds no cases." });
  });
});

describe("rows pasted from a spreadsheet", () => {
  it("fills the table's columns in order, then expected", () => {
    expect(parsePastedRows("French\tHello\tBonjour\nGerman\tHi", ["language", "text"])).toEqual({
      ok: true,
      value: [
        { values: { language: "French", text: "Hello" }, expected: "Bonjour" },
        { values: { language: "German", text: "Hi" }, expected: "" },
      ],
    });
  });

  it("goes by name when the first row is a header", () => {
    expect(parsePastedRows("text\tlanguage\nHello\tFrench", ["language", "text"])).toEqual({
      ok: true,
      value: [{ values: { text: "Hello", language: "French" }, expected: "" }],
    });
  });

  it("refuses a row longer than the columns", () => {
    expect(parsePastedRows("a\tb\tc\td", ["language"])).toMatchObject({
      ok: false,
      error: expect.stringContaining("row 1"),
    });
  });
});

describe("missing values", () => {
  it("names the variables a case has no value for", () => {
    expect(missingValues({ values: { language: "French", text: "" } }, ["language", "text", "tone"])).toEqual([
      "text",
      "tone",
    ]);
  });
});
