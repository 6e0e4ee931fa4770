import { createMistral } from "@ai-sdk/mistral";
import { APICallError, isStepCount, Output, streamText, tool } from "ai";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { countPromptTokens, startFakeMistral } from "./server.ts";
import type { Json } from "./test-helpers.ts";

const fake = await startFakeMistral();
afterAll(() => fake.close());
beforeEach(() => fake.reset());

const mistral = createMistral({ baseURL: fake.url, apiKey: "test-key" });

describe("the real client (@ai-sdk/mistral + ai streamText) against the fake", () => {
  it("streams the text and reports the usage", async () => {
    const result = streamText({
      model: mistral("mistral-small-latest"),
      instructions: "You translate English to French.",
      prompt: "I love programming.",
    });
    expect(await result.text).toBe("J'adore la programmation.");
    const usage = await result.usage;
    const sent = fake.requests[0]!;
    expect(sent.headers.authorization).toBe("Bearer test-key");
    expect(sent.body).toMatchObject({ model: "mistral-small-latest", stream: true });
    expect(usage.inputTokens).toBe(countPromptTokens(sent.body as Parameters<typeof countPromptTokens>[0]));
    expect(usage.outputTokens).toBe(4); // "J'adore", " la", " programmation", "."
    expect(await result.finishReason).toBe("stop");
  });

  it("completes a tool-call round trip that the fake accepts", async () => {
    const result = streamText({
      model: mistral("mistral-small-latest"),
      prompt: "Use get_weather for Paris.",
      tools: {
        get_weather: tool({
          description: "Weather in a city",
          inputSchema: z.object({ city: z.string() }),
          execute: async ({ city }) => `Sunny in ${city}`,
        }),
      },
      stopWhen: isStepCount(2),
    });
    const text = await result.text;
    expect(fake.requests.map((r) => r.status)).toEqual([200, 200]);
    const followUp = fake.requests[1]!.body as Json;
    expect(followUp.messages.map((m: Json) => m.role)).toEqual(["user", "assistant", "tool"]);
    const call = followUp.messages[1].tool_calls[0];
    expect(call.id).toMatch(/^[A-Za-z0-9]{9}$/);
    expect(followUp.messages[2].tool_call_id).toBe(call.id);
    expect(text).toContain("The get_weather tool returned:");
    expect(text).toContain("Sunny in example");
  });

  it("answers structured output with an instance of the requested schema", async () => {
    const schema = z.object({ title: z.string(), pages: z.number().int().min(10) });
    const result = streamText({
      model: mistral("mistral-small-latest"),
      prompt: "A book",
      output: Output.object({ schema }),
    });
    expect(schema.safeParse(await result.output).success).toBe(true);
    expect((fake.requests[0]!.body as Json).response_format.type).toBe("json_schema");
  });

  it("retries a 429 and then succeeds", async () => {
    fake.setFault({ kind: "rate_limit", retryAfterSeconds: 0 });
    const result = streamText({ model: mistral("mistral-small-latest"), prompt: "Hello" });
    expect(await result.text).toBe("You said: Hello");
    expect(fake.requests.map((r) => r.status)).toEqual([429, 200]);
  });

  it("surfaces a 401 as an API call error", async () => {
    const bad = createMistral({ baseURL: fake.url, apiKey: "bad-key" });
    const errors: unknown[] = [];
    const result = streamText({
      model: bad("mistral-small-latest"),
      prompt: "Hello",
      maxRetries: 0,
      onError: ({ error }) => void errors.push(error),
    });
    await result.consumeStream();
    expect(errors).toHaveLength(1);
    expect(APICallError.isInstance(errors[0]) && errors[0].statusCode).toBe(401);
  });
});
