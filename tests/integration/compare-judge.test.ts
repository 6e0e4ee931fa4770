import { describe, expect, it } from "vitest";
import { POST } from "@/app/api/chat/route";
import { buildJudgeRequest, defaultJudge, parseJudgeVerdict } from "@/lib/compare/judge";
import { buildVariantRequest, defaultParameters, type ChatRequest } from "@/lib/compare/request";
import { describeFailure } from "@/lib/chat/failure";
import { withFakeMistral } from "./fake-mistral-server.ts";

/**
 * Compare's judge through `POST /api/chat` to the fake Mistral server, which validates every body
 * against the official spec; and a rate limit's `Retry-After` passed on to the browser.
 */
const fake = withFakeMistral("test-key");

type Json = Record<string, any>;

async function post(body: ChatRequest): Promise<Json[]> {
  const response = await POST(
    new Request("http://localhost/api/chat", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    }),
  );
  expect(response.status).toBe(200);
  return (await response.text())
    .split("\n\n")
    .filter((event) => event.startsWith("data: ") && event !== "data: [DONE]")
    .map((event) => JSON.parse(event.slice("data: ".length)) as Json);
}

const textOf = (chunks: Json[]) =>
  chunks
    .filter((c) => c.type === "text-delta")
    .map((c) => c.delta as string)
    .join("");

function judgeRequest(answer: string): ChatRequest {
  const variant = buildVariantRequest(
    { system: "", messages: [], parameters: defaultParameters },
    "Greet {name} in French",
    { name: "Marie" },
  );
  if (!variant.ok) throw new Error(variant.error);
  const built = buildJudgeRequest(
    { ...defaultJudge, enabled: true, rubric: 'Says "bonjour".' },
    { request: variant.value, expected: "", answer },
  );
  if (!built.ok) throw new Error(built.error);
  return built.value;
}

describe("the judge on the wire", () => {
  it("sends strict json_schema structured output that Mistral's spec accepts, and reads the verdict", async () => {
    const passing = await post(judgeRequest("Bonjour Marie !"));
    const failing = await post(judgeRequest("Hello Marie!"));
    expect(fake().requests.map((r) => r.status)).toEqual([200, 200]);
    const body = fake().requests[0]!.body as Json;
    expect(body.model).toBe(defaultJudge.model);
    expect(body.response_format).toEqual({
      type: "json_schema",
      json_schema: {
        name: "judge_verdict",
        strict: true,
        schema: {
          type: "object",
          properties: {
            pass: { type: "boolean", description: expect.any(String) },
            reason: { type: "string", description: expect.any(String) },
          },
          required: ["pass", "reason"],
          additionalProperties: false,
        },
      },
    });
    expect(parseJudgeVerdict(textOf(passing))).toEqual({
      ok: true,
      value: { pass: true, reason: 'The answer mentions "bonjour".' },
    });
    expect(parseJudgeVerdict(textOf(failing))).toEqual({
      ok: true,
      value: { pass: false, reason: 'The answer does not mention "bonjour".' },
    });
  });
});

describe("Retry-After on a rate limit", () => {
  it("reaches the browser in the stream's error part once the route's retries are spent", async () => {
    fake().setFault({ kind: "rate_limit", times: 2, retryAfterSeconds: 0 });
    const once = await post({ ...judgeRequest("x"), parameters: { ...judgeRequest("x").parameters, maxRetries: 1 } });
    const error = once.find((c) => c.type === "error");
    expect(JSON.parse(error?.errorText)).toEqual({
      code: "rate_limited",
      detail: "Rate limit exceeded",
      retries: 1,
      retryAfterMs: 0,
    });
    expect(describeFailure(new Error(error?.errorText))).toMatchObject({ code: "rate_limited", retryAfterMs: 0 });

    fake().reset();
    fake().setFault({ kind: "rate_limit", times: 1, retryAfterSeconds: 7 });
    const withoutRetries = await post({
      ...judgeRequest("x"),
      parameters: { ...judgeRequest("x").parameters, maxRetries: 0 },
    });
    expect(JSON.parse(withoutRetries.find((c) => c.type === "error")?.errorText).retryAfterMs).toBe(7000);
  });

  it("sends no wait when Mistral named none", async () => {
    fake().setFault({ kind: "rate_limit", times: 1 });
    const chunks = await post({ ...judgeRequest("x"), parameters: { ...judgeRequest("x").parameters, maxRetries: 0 } });
    const failure = JSON.parse(chunks.find((c) => c.type === "error")?.errorText);
    expect(failure).toEqual({ code: "rate_limited", detail: "Rate limit exceeded", retries: 0 });
  });
});
