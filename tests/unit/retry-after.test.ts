import { describe, expect, it } from "vitest";
import { parseRetryAfter } from "@/lib/http/retry-after";

const now = Date.parse("2026-12-01T12:00:00Z");

describe("parseRetryAfter", () => {
  it("reads delay-seconds as milliseconds", () => {
    expect(parseRetryAfter("3", now)).toBe(3000);
    expect(parseRetryAfter(" 0 ", now)).toBe(0);
  });

  it("reads an HTTP date as the time left until it, a past date as now", () => {
    expect(parseRetryAfter("Tue, 01 Dec 2026 12:00:05 GMT", now)).toBe(5000);
    expect(parseRetryAfter("Tue, 01 Dec 2026 11:00:00 GMT", now)).toBe(0);
  });

  it("ignores what is absent or neither form", () => {
    expect(parseRetryAfter(null, now)).toBeUndefined();
    expect(parseRetryAfter(undefined, now)).toBeUndefined();
    expect(parseRetryAfter("-5", now)).toBeUndefined();
    expect(parseRetryAfter("1.5", now)).toBeUndefined();
    expect(parseRetryAfter("soon", now)).toBeUndefined();
  });
});
