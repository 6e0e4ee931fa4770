import { createMistral } from "@ai-sdk/mistral";
import { streamText } from "ai";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { startFakeMistral } from "./server.ts";
import { chat, ssePayloads, user, type Json } from "./test-helpers.ts";

const fake = await startFakeMistral();
afterAll(() => fake.close());
beforeEach(() => fake.reset());

// A 1×1 PNG.
const PNG =
  "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==";
const withImage = {
  role: "user",
  content: [
    { type: "text", text: "What is this?" },
    { type: "image_url", image_url: PNG },
  ],
};

async function streamed(body: Json): Promise<Json[]> {
  const res = await chat(fake, { ...body, stream: true });
  expect(res.status).toBe(200);
  return ssePayloads(await res.text())
    .slice(0, -1)
    .map((p) => JSON.parse(p) as Json);
}

describe("vision", () => {
  it("reads image chunks on a model whose card says vision", async () => {
    const res = await chat(fake, { model: "mistral-small-latest", messages: [withImage] });
    expect(res.status).toBe(200);
    expect(((await res.json()) as Json).choices[0].message.content).toBe("I see 1 image. You said: What is this?");
  });

  it("refuses image chunks with a 400 on a model without vision", async () => {
    const res = await chat(fake, { model: "codestral-latest", messages: [withImage] });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ type: "invalid_request_invalid_args", code: "3051" });
  });

  it("lists which models see and which reason on their cards", async () => {
    const res = await fetch(`${fake.url}/models`, { headers: { authorization: "Bearer k" } });
    const cards = new Map(((await res.json()) as Json).data.map((c: Json) => [c.id, c.capabilities]));
    expect(cards.get("codestral-latest")).toMatchObject({ vision: false, reasoning: false });
    expect(cards.get("mistral-medium-3-5")).toMatchObject({ vision: true, reasoning: true });
  });
});

describe("reasoning", () => {
  it("streams Magistral's thinking and answer as arrays of chunks", async () => {
    const chunks = await streamed({ model: "magistral-small-latest", messages: [user("Hi")] });
    const contents = chunks.map((c) => c.choices[0].delta.content);
    expect(chunks[0]!.choices[0].delta.role).toBe("assistant");
    expect(contents[0]).toEqual([{ type: "thinking", thinking: [{ type: "text", text: "The" }] }]);
    expect(contents.slice(0, -1).every(Array.isArray)).toBe(true);
    expect(contents.at(-1)).toBe("");
    expect(chunks.at(-1)!.choices[0].finish_reason).toBe("stop");
  });

  it("switches from arrays to strings after the thinking with reasoning_effort", async () => {
    const chunks = await streamed({ model: "mistral-medium-3-5", reasoning_effort: "high", messages: [user("Hi")] });
    const contents = chunks.map((c) => c.choices[0].delta.content);
    const transition = contents.findIndex((c) => Array.isArray(c) && c.some((part: Json) => part.type === "text"));
    expect(contents[transition]).toEqual([
      { type: "thinking", thinking: [], closed: true },
      { type: "text", text: "You" },
    ]);
    expect(contents.slice(0, transition).every(Array.isArray)).toBe(true);
    expect(contents.slice(transition + 1).every((c) => typeof c === "string")).toBe(true);
  });

  it("does not think when reasoning_effort is none or the model has no reasoning", async () => {
    for (const body of [
      { model: "mistral-medium-3-5", reasoning_effort: "none" },
      { model: "mistral-small-latest", reasoning_effort: "high" },
    ]) {
      const chunks = await streamed({ ...body, messages: [user("Hi")] });
      expect(chunks.every((c) => typeof c.choices[0].delta.content === "string")).toBe(true);
    }
  });

  it("answers a non-streamed reasoning request with the closed thinking and the text", async () => {
    const res = await chat(fake, { model: "magistral-small-latest", messages: [user("Hi")] });
    const content = ((await res.json()) as Json).choices[0].message.content;
    expect(content[0]).toMatchObject({ type: "thinking", closed: true });
    expect(content[1]).toEqual({ type: "text", text: "You said: Hi" });
  });

  it("is read by @ai-sdk/mistral as reasoning, then text, in either style", async () => {
    const mistral = createMistral({ baseURL: fake.url, apiKey: "k" });
    for (const [model, effort] of [
      ["magistral-small-latest", undefined],
      ["mistral-medium-3-5", "high"],
    ] as const) {
      const result = streamText({
        model: mistral(model),
        prompt: "Hi",
        providerOptions: effort ? { mistral: { reasoningEffort: effort } } : {},
      });
      expect(await result.reasoningText).toBe('The user wrote "Hi". I should answer briefly and repeat it back.');
      expect(await result.text).toBe("You said: Hi");
    }
  });

  it("accepts the thinking sent back as a thinking chunk in the assistant content", async () => {
    const res = await chat(fake, {
      model: "magistral-small-latest",
      messages: [
        user("Hi"),
        {
          role: "assistant",
          content: [
            { type: "thinking", thinking: [{ type: "text", text: "Greet back." }], closed: true },
            { type: "text", text: "Hello!" },
          ],
        },
        user("Again"),
      ],
    });
    expect(res.status).toBe(200);
  });
});
