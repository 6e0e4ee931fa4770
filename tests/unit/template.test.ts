import { describe, expect, it } from "vitest";
import {
  collectVariables,
  escapeForTemplate,
  parseTemplate,
  renderPrompt,
  renderTemplate,
  templatedParts,
} from "@/lib/chat/template";

describe("parseTemplate", () => {
  it("lists variables in order of first appearance, once each", () => {
    const parsed = parseTemplate("Translate {input} from {input_language} to {output_language}: {input}");
    expect(parsed).toEqual({
      ok: true,
      value: { variables: ["input", "input_language", "output_language"] },
    });
  });

  it("reads doubled braces as literal braces, not placeholders", () => {
    expect(parseTemplate('Answer like {{"name": "…"}} for {who}')).toEqual({
      ok: true,
      value: { variables: ["who"] },
    });
    expect(parseTemplate("{{{name}}}")).toEqual({ ok: true, value: { variables: ["name"] } });
    expect(parseTemplate("{{name}}")).toEqual({ ok: true, value: { variables: [] } });
  });

  it("accepts names in any script, like Python identifiers", () => {
    expect(parseTemplate("{langue_d'origine}").ok).toBe(false);
    expect(parseTemplate("{langue_départ} {名前} {_x1} {Ωmega2}")).toEqual({
      ok: true,
      value: { variables: ["langue_départ", "名前", "_x1", "Ωmega2"] },
    });
  });

  it("rejects a lone closing brace, with its position", () => {
    const parsed = parseTemplate("Hello } world");
    expect(parsed).toEqual({
      ok: false,
      error: { index: 6, message: "Unmatched } at column 7. Write }} for a literal brace." },
    });
  });

  it("rejects an unclosed brace at the brace", () => {
    const parsed = parseTemplate("Say {name");
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.error.index).toBe(4);
    expect(parsed.error.message).toBe("Unclosed { at column 5. Close it with } or write {{ for a literal brace.");
    // A brace opened inside a placeholder is the same mistake.
    expect(parseTemplate("{a{b}")).toMatchObject({ ok: false, error: { index: 0 } });
    expect(parseTemplate("ends with {")).toMatchObject({ ok: false, error: { index: 10 } });
  });

  it.each([
    ["{}", "Empty placeholder {}"],
    ["{0}", "{0} at column 1 is not a variable name"],
    ["{1st}", "{1st} at column 1 is not a variable name"],
    ["{ name }", "{ name } at column 1 is not a variable name"],
    ["{a.b}", "{a.b} at column 1 is not a variable name"],
    ["{a[0]}", "{a[0]} at column 1 is not a variable name"],
    ["{a!r}", "{a!r} at column 1 is not a variable name"],
    ['{"name": 1}', '{"name": 1} at column 1 is not a variable name'],
  ])("rejects %s as LangChain would", (text, message) => {
    const parsed = parseTemplate(text);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.error.index).toBe(0);
    expect(parsed.error.message).toContain(message);
    expect(parsed.error.message).toContain("{{");
  });

  it("gives line and column in multi-line text, counting characters not code units", () => {
    const parsed = parseTemplate("first line\n😀 and } here");
    expect(parsed).toMatchObject({ ok: false, error: { index: 18 } });
    if (parsed.ok) return;
    expect(parsed.error.message).toContain("on line 2, column 7");
  });
});

describe("renderTemplate", () => {
  it("fills placeholders and turns doubled braces into single ones", () => {
    const rendered = renderTemplate('Translate {input_language} to {output_language}; answer as {{"text": "…"}}.', {
      input_language: "English",
      output_language: "German",
    });
    expect(rendered).toEqual({
      ok: true,
      value: 'Translate English to German; answer as {"text": "…"}.',
    });
  });

  it("inserts values verbatim, braces, backslashes and all", () => {
    expect(renderTemplate("{a}|{b}", { a: "{b} }{ \\n", b: "日本語 😀\n'\"" })).toEqual({
      ok: true,
      value: "{b} }{ \\n|日本語 😀\n'\"",
    });
    expect(renderTemplate("{名前}さん", { 名前: "ハナ" })).toEqual({ ok: true, value: "ハナさん" });
  });

  it("blocks on missing values and names them all", () => {
    const rendered = renderTemplate("{a} {b} {c} {a}", { b: "set", c: "" });
    expect(rendered).toEqual({
      ok: false,
      error: {
        code: "missing_variable",
        message: "Fill in the values of {a} and {c} before running.",
        variables: ["a", "c"],
      },
    });
    expect(renderTemplate("{input_language}", {})).toMatchObject({
      ok: false,
      error: { message: "Fill in the value of {input_language} before running." },
    });
  });

  it("does not read inherited object properties as values", () => {
    expect(renderTemplate("{constructor}", {})).toMatchObject({
      ok: false,
      error: { code: "missing_variable", variables: ["constructor"] },
    });
  });

  it("reports a broken template as invalid_template", () => {
    expect(renderTemplate("oops }", {})).toEqual({
      ok: false,
      error: {
        code: "invalid_template",
        message: "Unmatched } at column 6. Write }} for a literal brace.",
      },
    });
  });
});

describe("collectVariables", () => {
  it("reads the system message, user messages and the composer, not assistant or tool messages", () => {
    const variables = collectVariables({
      system: "You translate {input_language} to {output_language}.",
      messages: [
        { role: "user", content: "{input}" },
        { role: "assistant", content: "In {answer_language}: …" },
        { role: "tool", content: '{"city": "{not_a_variable}"}' },
      ],
      composer: "And now {next}",
    });
    expect(variables).toEqual(["input_language", "output_language", "input", "next"]);
  });

  it("skips a text whose template is broken", () => {
    expect(collectVariables({ system: "{a}", messages: [{ role: "user", content: "{b} }" }] })).toEqual(["a"]);
  });
});

describe("templatedParts", () => {
  it("places the system message, the user messages by index and the composer", () => {
    const parts = templatedParts({
      system: "S",
      messages: [
        { role: "user", content: "U0" },
        { role: "assistant", content: "A1" },
        { role: "tool", content: "T2" },
        { role: "user", content: "U3" },
      ],
      composer: "C",
    });
    expect(parts).toEqual([
      { place: { kind: "system" }, text: "S" },
      { place: { kind: "message", index: 0 }, text: "U0" },
      { place: { kind: "message", index: 3 }, text: "U3" },
      { place: { kind: "composer" }, text: "C" },
    ]);
  });
});

describe("renderPrompt", () => {
  const prompt = {
    system: "Translate {from} to {to}.",
    messages: [
      { role: "user" as const, content: "{text}" },
      { role: "assistant" as const, content: "{reply} stays" },
      { role: "tool" as const, content: "{text} stays" },
    ],
  };

  it("renders the system message and user messages only", () => {
    expect(renderPrompt(prompt, { from: "English", to: "German", text: "Hi" })).toEqual({
      ok: true,
      value: {
        system: "Translate English to German.",
        messages: [
          { role: "user", content: "Hi" },
          { role: "assistant", content: "{reply} stays" },
          { role: "tool", content: "{text} stays" },
        ],
      },
    });
  });

  it("names every missing value across the prompt", () => {
    expect(renderPrompt(prompt, { from: "English" })).toMatchObject({
      ok: false,
      error: { code: "missing_variable", variables: ["to", "text"] },
    });
    expect(renderPrompt(prompt, { from: "English" }, { allowMissing: true })).toMatchObject({
      ok: true,
      value: { system: "Translate English to .", messages: [{ content: "" }, { content: "{reply} stays" }, {}] },
    });
  });

  it("sends assistant answers as written, braces and all", () => {
    const prompt = {
      system: "",
      messages: [
        { role: "user", content: "Give {what}" },
        { role: "assistant", content: '{"a": {b}}' },
      ],
    };
    expect(renderPrompt(prompt, { what: "JSON" })).toEqual({
      ok: true,
      value: {
        system: "",
        messages: [
          { role: "user", content: "Give JSON" },
          { role: "assistant", content: '{"a": {b}}' },
        ],
      },
    });
  });

  it("says which message has a template error", () => {
    const broken = {
      system: "",
      messages: [
        { role: "assistant", content: "ok" },
        { role: "user", content: "{" },
      ],
    };
    expect(renderPrompt(broken, {})).toEqual({
      ok: false,
      error: {
        code: "invalid_template",
        message: "Message 2: Unclosed { at column 1. Close it with } or write {{ for a literal brace.",
      },
    });
  });
});

describe("escapeForTemplate", () => {
  it("doubles braces so that rendering gives the text back", () => {
    const text = 'JSON {"a": {"b": [1]}} and {name} and }{';
    const escaped = escapeForTemplate(text);
    expect(escaped).toBe('JSON {{"a": {{"b": [1]}}}} and {{name}} and }}{{');
    expect(parseTemplate(escaped)).toEqual({ ok: true, value: { variables: [] } });
    expect(renderTemplate(escaped, {})).toEqual({ ok: true, value: text });
  });
});
