import { APICallError, RetryError } from "ai";
import { describe, expect, it } from "vitest";
import { describeMistralErrorBody, toChatFailure } from "@/lib/mistral/errors";

function apiError(statusCode: number | undefined, responseBody?: string) {
  return new APICallError({ message: "x", url: "http://x", requestBodyValues: {}, statusCode, responseBody });
}

describe("describeMistralErrorBody", () => {
  it("reads a 422 whose message wraps FastAPI's detail list", () => {
    const body = JSON.stringify({
      object: "error",
      message: {
        detail: [
          {
            type: "less_than_equal",
            loc: ["body", "temperature"],
            msg: "Input should be less than or equal to 1.5",
            input: 1.6,
          },
        ],
      },
      type: "invalid_request_error",
      param: null,
      code: null,
    });
    expect(describeMistralErrorBody(body)).toBe("temperature: Input should be less than or equal to 1.5");
  });

  it("reads a 400 with a string message and a bare 401", () => {
    expect(
      describeMistralErrorBody(
        '{"object":"error","message":"Invalid model: x","type":"invalid_model","param":null,"code":"1500"}',
      ),
    ).toBe("Invalid model: x");
    expect(describeMistralErrorBody('{"detail":"Unauthorized"}')).toBe("Unauthorized");
  });

  it("gives up on bodies it does not know", () => {
    expect(describeMistralErrorBody("<html>")).toBeUndefined();
    expect(describeMistralErrorBody('{"weird":1}')).toBeUndefined();
  });
});

describe("toChatFailure", () => {
  it("maps by status, never by message text", () => {
    expect(toChatFailure(apiError(401, '{"detail":"Unauthorized"}')).code).toBe("invalid_api_key");
    expect(toChatFailure(apiError(429)).code).toBe("rate_limited");
    expect(toChatFailure(apiError(503))).toMatchObject({ code: "upstream_unavailable", detail: "HTTP 503" });
    expect(toChatFailure(apiError(400, '{"message":"Invalid model: x"}'))).toMatchObject({
      code: "upstream_rejected",
      detail: "Invalid model: x",
    });
    expect(toChatFailure(new TypeError("fetch failed")).code).toBe("upstream_unavailable");
  });

  it("counts the retries spent before giving up", () => {
    const error = new RetryError({
      message: "x",
      reason: "maxRetriesExceeded",
      errors: [apiError(429), apiError(429), apiError(429)],
    });
    expect(toChatFailure(error)).toMatchObject({ code: "rate_limited", retries: 2 });
  });
});
