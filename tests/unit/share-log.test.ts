import { afterEach, describe, expect, it, vi } from "vitest";
import { logShareFailure } from "@/lib/shares/log";

afterEach(() => vi.restoreAllMocks());

describe("logShareFailure", () => {
  it("logs the error classes, SQLSTATE and share id, never the query's parameters", () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const cause = Object.assign(new Error('invalid input: "my secret transcript"'), { code: "22P05" });
    class DrizzleQueryError extends Error {
      override name = "DrizzleQueryError";
    }
    const error = new DrizzleQueryError("Failed query: insert ... params: my secret transcript", { cause });

    logShareFailure("creating", "abc", error);

    expect(log).toHaveBeenCalledTimes(1);
    const line = log.mock.calls[0]?.join(" ") ?? "";
    expect(line).toBe("[shares] creating failed (share abc): DrizzleQueryError ← Error 22P05");
    expect(line).not.toContain("secret");
  });
});
