import { describe, expect, it } from "vitest";
import { POST } from "@/app/api/chat/route";
import { buildChatRequest } from "@/lib/chat/build-request";
import { imageLimits, MAX_CHAT_BODY_BYTES, MAX_CHAT_TEXT_BYTES } from "@/lib/chat/limits";
import { checkVision } from "@/lib/chat/vision";
import { builtinChatModels } from "@/lib/mistral/catalogue";
import { defaultParameters, type PromptSnapshot } from "@/lib/workspace/model";
import { withFakeMistral } from "./fake-mistral-server.ts";

const fake = withFakeMistral("server-key");

const PNG_BASE64 = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==";
const PNG = `data:image/png;base64,${PNG_BASE64}`;

function snapshot(overrides: Partial<PromptSnapshot> = {}, parameters: Partial<PromptSnapshot["parameters"]> = {}) {
  return {
    system: "",
    variables: {},
    messages: [
      {
        id: "u1",
        role: "user",
        content: "What is this?",
        attachments: [
          { kind: "image", id: "i1", name: "dot.png", url: PNG },
          { kind: "image", id: "i2", name: "web.jpg", url: "https://example.com/cat.jpg" },
          { kind: "document", id: "d1", name: "paper.pdf", url: "https://arxiv.org/pdf/1805.04770" },
        ],
      },
    ],
    ...overrides,
    parameters: { ...defaultParameters, model: "mistral-small-latest", maxRetries: 0, ...parameters },
  } satisfies PromptSnapshot;
}

function post(body: unknown) {
  return POST(
    new Request("http://localhost/api/chat", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    }),
  );
}

function built(s: PromptSnapshot) {
  const result = buildChatRequest(s);
  if (!result.ok) throw new Error(result.error);
  return result.value;
}

type Json = Record<string, any>;
const sentBody = () => fake().requests.at(-1)!.body as Json;

describe("images and documents on the wire", () => {
  it("sends image_url chunks with the bytes unchanged, URLs as URLs, documents with their name", async () => {
    const response = await post(built(snapshot()));
    expect(response.status).toBe(200);
    await response.text();
    expect(sentBody().messages[0].content).toEqual([
      { type: "text", text: "What is this?" },
      { type: "image_url", image_url: PNG },
      { type: "image_url", image_url: "https://example.com/cat.jpg" },
      { type: "document_url", document_url: "https://arxiv.org/pdf/1805.04770", document_name: "paper.pdf" },
    ]);
  });

  it("refuses a model without vision before sending, naming the models that can", () => {
    const request = built(snapshot({}, { model: "codestral-latest" }));
    const checked = checkVision(request, builtinChatModels);
    expect(checked.ok).toBe(false);
    expect(!checked.ok && checked.error).toMatch(
      /codestral-latest cannot see images\. Models that can: .*mistral-large-latest/,
    );
    expect(checkVision(built(snapshot()), builtinChatModels)).toEqual({ ok: true });
  });

  it("refuses what is not an image, in the builder and in the route", async () => {
    const svg = `data:image/png;base64,${Buffer.from("<svg onload=alert(1)>").toString("base64")}`;
    const s = snapshot();
    const bad = {
      ...s,
      messages: [
        {
          id: "u",
          role: "user" as const,
          content: "x",
          attachments: [{ kind: "image" as const, id: "s", name: "x.svg", url: svg }],
        },
      ],
    };
    expect(buildChatRequest(bad)).toEqual({ ok: false, error: '"x.svg" is not a PNG, JPEG, WEBP or GIF image.' });
    const response = await post({
      ...built(s),
      messages: [{ role: "user", content: "x", attachments: [{ kind: "image", name: "x.svg", url: svg }] }],
    });
    expect(response.status).toBe(400);
    expect(fake().requests).toHaveLength(0);
  });

  it("limits the number of images and their size in the route (413) and the builder", async () => {
    const many = Array.from({ length: imageLimits.count + 1 }, (_, i) => ({
      kind: "image" as const,
      id: `i${i}`,
      name: `${i}.png`,
      url: PNG,
    }));
    const s = snapshot();
    expect(
      buildChatRequest({ ...s, messages: [{ id: "u", role: "user", content: "x", attachments: many }] }),
    ).toMatchObject({ ok: false });
    const response = await post({ ...built(s), messages: [{ role: "user", content: "x", attachments: many }] });
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({ error: { code: "too_large" } });
  });

  it("grows the body limit only by the images' base64 size; beyond it is still 413", async () => {
    expect(MAX_CHAT_BODY_BYTES).toBeLessThan(MAX_CHAT_TEXT_BYTES + (imageLimits.totalBytes * 4) / 3 + 4096);
    const response = await POST(
      new Request("http://localhost/api/chat", { method: "POST", body: "x".repeat(MAX_CHAT_BODY_BYTES + 1) }),
    );
    expect(response.status).toBe(413);
  });
});

describe("parameters on the wire", () => {
  it("sends penalties, prediction and reasoning effort only when set", async () => {
    const text = { messages: [{ id: "u", role: "user" as const, content: "Hi" }] };
    await (await post(built(snapshot(text)))).text();
    const plain = sentBody();
    for (const key of ["presence_penalty", "frequency_penalty", "prediction", "reasoning_effort", "prompt_mode"])
      expect(plain).not.toHaveProperty(key);

    const parameters = {
      presencePenalty: 0.5,
      frequencyPenalty: -1.5,
      prediction: "def f():",
      reasoningEffort: "xhigh" as const,
    };
    await (await post(built(snapshot(text, { ...parameters, model: "mistral-medium-3-5" })))).text();
    expect(sentBody()).toMatchObject({
      presence_penalty: 0.5,
      frequency_penalty: -1.5,
      prediction: { type: "content", content: "def f():" },
      reasoning_effort: "xhigh",
    });
  });

  it("refuses penalties out of −2…2 in the route", async () => {
    const request = built(snapshot({ messages: [{ id: "u", role: "user", content: "Hi" }] }));
    const response = await post({ ...request, parameters: { ...request.parameters, presencePenalty: 2.5 } });
    expect(response.status).toBe(400);
  });

  it("asks Magistral for its reasoning prompt mode", async () => {
    const request = built(
      snapshot({ messages: [{ id: "u", role: "user", content: "Hi" }] }, { model: "magistral-small-latest" }),
    );
    expect(request.parameters.promptMode).toBe("reasoning");
    await (await post(request)).text();
    expect(sentBody().prompt_mode).toBe("reasoning");
  });
});

describe("thinking", () => {
  it("streams thinking as reasoning parts and sends it back as a thinking chunk", async () => {
    const first = snapshot(
      { messages: [{ id: "u", role: "user", content: "Hi" }] },
      { model: "magistral-small-latest" },
    );
    const text = await (await post(built(first))).text();
    expect(text).toContain('"type":"reasoning-delta"');
    expect(text).toContain('"type":"text-delta"');

    const again = snapshot(
      {
        messages: [
          { id: "u", role: "user", content: "Hi" },
          { id: "a", role: "assistant", content: "You said: Hi", reasoning: "The user greets." },
          { id: "u2", role: "user", content: "Again" },
        ],
      },
      { model: "magistral-small-latest" },
    );
    const response = await post(built(again));
    expect(response.status).toBe(200);
    await response.text();
    expect(sentBody().messages[1]).toEqual({
      role: "assistant",
      content: [
        { type: "thinking", thinking: [{ type: "text", text: "The user greets." }], closed: true },
        { type: "text", text: "You said: Hi" },
      ],
    });
  });

  it("handles the array-then-string switch of reasoning_effort streams", async () => {
    const s = snapshot(
      { messages: [{ id: "u", role: "user", content: "Hi" }] },
      { model: "mistral-medium-3-5", reasoningEffort: "high" },
    );
    const text = await (await post(built(s))).text();
    const deltas = text
      .split("\n\n")
      .filter((e) => e.startsWith("data: {"))
      .map((e) => JSON.parse(e.slice(6)) as Json);
    const reasoning = deltas
      .filter((d) => d.type === "reasoning-delta")
      .map((d) => d.delta)
      .join("");
    const answer = deltas
      .filter((d) => d.type === "text-delta")
      .map((d) => d.delta)
      .join("");
    expect(reasoning).toBe('The user wrote "Hi". I should answer briefly and repeat it back.');
    expect(answer).toBe("You said: Hi");
  });
});
