import { describe, expect, it } from "vitest";
import { checkCaseAnswer, expectedError, isChecked } from "@/lib/compare/checks";
import type { ResponseFormat } from "@/lib/compare/request";

const text: ResponseFormat = { type: "text" };
const person: ResponseFormat = {
  type: "json_schema",
  name: "person",
  strict: true,
  schema: JSON.stringify({ type: "object", properties: { name: { type: "string" } }, required: ["name"] }),
};

describe("answer checks", () => {
  it("contains", () => {
    expect(checkCaseAnswer("Bonjour le monde", { kind: "contains", expected: "Bonjour" }, text)?.pass).toBe(true);
    expect(checkCaseAnswer("Hallo", { kind: "contains", expected: "Bonjour" }, text)).toEqual({
      pass: false,
      reason: "Does not contain \u201cBonjour\u201d.",
    });
  });

  it("equals after trimming both sides", () => {
    expect(checkCaseAnswer("  Paris\n", { kind: "equals", expected: "Paris " }, text)?.pass).toBe(true);
    expect(checkCaseAnswer("Paris, France", { kind: "equals", expected: "Paris" }, text)?.pass).toBe(false);
  });

  it("regular expression, and a broken one is an error, not a pass", () => {
    expect(checkCaseAnswer("Order 1234 shipped", { kind: "regex", expected: "\\d{4}" }, text)?.pass).toBe(true);
    expect(checkCaseAnswer("no digits", { kind: "regex", expected: "\\d{4}" }, text)?.pass).toBe(false);
    expect(expectedError("regex", "(unclosed")).toMatch(/^The regular expression does not compile/);
    expect(checkCaseAnswer("(unclosed", { kind: "regex", expected: "(unclosed" }, text)?.pass).toBe(false);
    expect(expectedError("contains", "(unclosed")).toBeNull();
  });

  it("valid JSON", () => {
    expect(checkCaseAnswer('{"a": 1}', { kind: "json", expected: "" }, text)?.pass).toBe(true);
    expect(checkCaseAnswer("{a: 1}", { kind: "json", expected: "" }, text)?.reason).toMatch(/^Not valid JSON/);
  });

  it("matches the variant's response JSON schema", () => {
    expect(checkCaseAnswer('{"name":"Ada"}', { kind: "schema", expected: "" }, person)).toEqual({
      pass: true,
      reason: "Matches the schema person.",
    });
    const wrong = checkCaseAnswer('{"age":3}', { kind: "schema", expected: "" }, person);
    expect(wrong?.pass).toBe(false);
    expect(wrong?.reason).toContain("name");
    expect(checkCaseAnswer('{"name":"Ada"}', { kind: "schema", expected: "" }, text)?.pass).toBe(false);
  });

  it("asks nothing of an answer when a text check has nothing expected", () => {
    expect(isChecked("contains", "")).toBe(false);
    expect(checkCaseAnswer("anything", { kind: "contains", expected: "" }, text)).toBeUndefined();
    expect(isChecked("json", "")).toBe(true);
  });
});
