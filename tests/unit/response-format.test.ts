import { describe, expect, it } from "vitest";
import type { ResponseFormat } from "@/lib/workspace/model";
import { checkAnswer } from "@/lib/response-format/answer-check";
import { checkResponseSchema, checkToolParameters } from "@/lib/json-schema";
import { toWireResponseFormat } from "@/lib/mistral/response-format";
import { applyWireFields } from "@/lib/mistral/wire-fields";
import { schemaExamples } from "@/lib/response-format/schema-examples";

const person = {
  type: "object",
  properties: {
    name: { type: "string" },
    age: { type: "integer", minimum: 0 },
    tags: { type: "array", items: { type: "string" } },
  },
  required: ["name", "age"],
  additionalProperties: false,
};
const personFormat: ResponseFormat = {
  type: "json_schema",
  name: "person",
  schema: JSON.stringify(person),
  strict: true,
};

describe("the response format on the wire", () => {
  it("maps each format to Mistral's response_format (text is Mistral's default and is left out)", () => {
    expect(toWireResponseFormat({ type: "text" })).toBeUndefined();
    expect(toWireResponseFormat({ type: "json_object" })).toEqual({ type: "json_object" });
    expect(toWireResponseFormat({ type: "json_schema", name: "person", schema: person, strict: true })).toEqual({
      type: "json_schema",
      json_schema: { name: "person", schema: person, strict: true },
    });
  });

  it("sets response_format on the body the provider writes and changes nothing else", () => {
    const body = {
      model: "mistral-small-latest",
      messages: [{ role: "system", content: "Be brief." }],
      response_format: { type: "text" },
    };
    const before = structuredClone(body);
    const sent = applyWireFields(body, { response_format: { type: "json_object" } });
    expect(sent).toEqual({ ...before, response_format: { type: "json_object" } });
  });
});

describe("schemas as typed", () => {
  it("accepts a JSON Schema object and says what is wrong otherwise", () => {
    expect(checkResponseSchema(JSON.stringify(person))).toEqual({ ok: true, value: person });
    expect(checkResponseSchema("")).toEqual({ ok: false, error: "Empty: write a JSON object." });
    expect(checkResponseSchema("[1]")).toEqual({ ok: false, error: "Not a JSON object." });
    expect(checkResponseSchema('{"type": "object",}')).toMatchObject({
      ok: false,
      error: expect.stringMatching(/JSON/),
    });
    expect(checkResponseSchema('{"type": "objekt"}')).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^Not a valid JSON Schema: .*type/),
    });
    expect(checkResponseSchema('{"type": "object", "required": "name"}')).toMatchObject({ ok: false });
  });

  it("takes draft 2020-12 schemas by their $schema, and draft-07 otherwise", () => {
    const draft2020 = {
      $schema: "https://json-schema.org/draft/2020-12/schema",
      type: "array",
      prefixItems: [{ type: "string" }],
      items: false,
    };
    expect(checkResponseSchema(JSON.stringify(draft2020)).ok).toBe(true);
    expect(
      checkAnswer('["a", "b"]', { type: "json_schema", name: "pair", schema: JSON.stringify(draft2020), strict: true })
        ?.ok,
    ).toBe(false);
    expect(
      checkAnswer('["a"]', { type: "json_schema", name: "pair", schema: JSON.stringify(draft2020), strict: true })?.ok,
    ).toBe(true);
  });

  it("compiles a schema again after an edit that keeps its $id", () => {
    const a = { $id: "https://example.com/s", type: "object", required: ["a"] };
    const b = { $id: "https://example.com/s", type: "object", required: ["b"] };
    expect(
      checkAnswer('{"a": 1}', { type: "json_schema", name: "s", schema: JSON.stringify(a), strict: true })?.ok,
    ).toBe(true);
    expect(
      checkAnswer('{"a": 1}', { type: "json_schema", name: "s", schema: JSON.stringify(b), strict: true })?.ok,
    ).toBe(false);
  });

  it("checks tool parameters the way mistral-common does: the draft-07 meta-schema, whatever $schema says", () => {
    expect(checkToolParameters('{"type": "object", "properties": {"city": {"type": "string"}}}').ok).toBe(true);
    expect(checkToolParameters('{"$schema": "http://json-schema.org/draft-04/schema#", "type": "object"}').ok).toBe(
      true,
    );
    expect(checkToolParameters('{"type": "object", "properties": {"city": {"type": "text"}}}')).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^Not a valid JSON Schema: \/properties\/city\/type: /),
    });
  });

  it("offers examples that are all valid schemas", () => {
    for (const example of schemaExamples) expect(checkResponseSchema(JSON.stringify(example.schema)).ok).toBe(true);
  });
});

describe("answers checked against the response format", () => {
  it("has nothing to check in text mode", () => {
    expect(checkAnswer("Hello", { type: "text" })).toBeUndefined();
  });

  it("JSON mode: an object is valid and pretty-printed; other JSON and non-JSON are not", () => {
    expect(checkAnswer('{"a":1}', { type: "json_object" })).toEqual({
      ok: true,
      pretty: '{\n  "a": 1\n}',
      summary: "Valid JSON",
      violations: [],
    });
    expect(checkAnswer("[1, 2]", { type: "json_object" })).toMatchObject({
      ok: false,
      pretty: "[\n  1,\n  2\n]",
      summary: expect.stringMatching(/not an object/),
    });
    const broken = checkAnswer('{"a": 1', { type: "json_object" });
    expect(broken).toMatchObject({ ok: false, violations: [] });
    expect(broken?.pretty).toBeUndefined();
    expect(broken?.summary).toMatch(/^Not valid JSON: /);
  });

  it("schema mode: lists every violation by path", () => {
    expect(checkAnswer('{"name": "Ada", "age": 36}', personFormat)).toEqual({
      ok: true,
      pretty: '{\n  "name": "Ada",\n  "age": 36\n}',
      summary: 'Matches the schema "person"',
      violations: [],
    });
    expect(checkAnswer('{"age": -1, "tags": [3], "nick": "A"}', personFormat)).toMatchObject({
      ok: false,
      summary: 'Does not match the schema "person":',
      violations: [
        'The answer: Instance does not have required property "name".',
        "/age: -1 is less than 0.",
        '/tags/0: Instance type "number" is invalid. Expected "string".',
        "/nick: is not allowed here (the schema forbids extra properties).",
      ],
    });
  });

  it("says when the schema itself cannot be used", () => {
    expect(checkAnswer("{}", { type: "json_schema", name: "x", schema: "{ nope", strict: true })).toMatchObject({
      ok: false,
      pretty: "{}",
      summary: expect.stringMatching(/^Cannot check against the schema: /),
    });
  });
});
