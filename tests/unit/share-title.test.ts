import { describe, expect, it } from "vitest";
import { defaultParameters, type PromptSnapshot } from "@/lib/workspace/model";
import { defaultShareTitle, UNTITLED_SHARE } from "@/lib/shares/share";

const snapshot = (overrides: Partial<PromptSnapshot>): PromptSnapshot => ({
  system: "",
  messages: [],
  parameters: defaultParameters,
  variables: {},
  ...overrides,
});

describe("defaultShareTitle", () => {
  it("is the first user line as sent, with the variables filled in", () => {
    const shared = snapshot({
      variables: { city: "Paris" },
      messages: [{ id: "u1", role: "user", content: "\n  Weather in {city}?  \nAnd tomorrow?" }],
    });
    expect(defaultShareTitle(shared)).toBe("Weather in Paris?");
  });

  it("leaves a variable without a value as its name", () => {
    const shared = snapshot({
      variables: { name: "", lang: "French" },
      messages: [{ id: "u1", role: "user", content: "Say hello to {name} in {lang}" }],
    });
    expect(defaultShareTitle(shared)).toBe("Say hello to {name} in French");
  });

  it("keeps a template that does not parse as written, and names an empty conversation", () => {
    expect(defaultShareTitle(snapshot({ messages: [{ id: "u1", role: "user", content: "Use {braces" }] }))).toBe(
      "Use {braces",
    );
    expect(defaultShareTitle(snapshot({}))).toBe(UNTITLED_SHARE);
  });
});
