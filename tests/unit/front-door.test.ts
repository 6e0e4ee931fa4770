import { describe, expect, it } from "vitest";
import { checkRequest, NO_SUCH_SHARE_PATH } from "@/lib/http/front-door";

describe("checkRequest", () => {
  it("lets through what each route answers", () => {
    expect(checkRequest("POST", "/api/chat", {})).toEqual({ kind: "pass" });
    expect(checkRequest("GET", "/api/shares/abc?x=1", {})).toEqual({ kind: "pass" });
    expect(checkRequest("HEAD", "/s/abc", {})).toEqual({ kind: "pass" });
    expect(checkRequest("OPTIONS", "/api/models", {})).toEqual({ kind: "pass" });
    // Paths it does not know are Next.js's to answer.
    expect(checkRequest("POST", "/api/health", {})).toEqual({ kind: "pass" });
  });

  it("refuses other methods with 405 and the methods that are allowed", () => {
    expect(checkRequest("GET", "/api/chat", {})).toEqual({
      kind: "refuse",
      status: 405,
      message: "This address answers POST only.",
      allow: "POST, OPTIONS",
    });
    expect(checkRequest("POST", "/s/abc", {})).toMatchObject({ status: 405, allow: "GET, HEAD, OPTIONS" });
    expect(checkRequest("PUT", "/s/abc/transcript.md", {})).toMatchObject({ status: 405 });
    expect(checkRequest("TRACE", "/api/shares/abc", {})).toMatchObject({
      status: 405,
      allow: "GET, HEAD, PATCH, DELETE, OPTIONS",
    });
    expect(checkRequest("PROPFIND", "/nowhere", {})).toMatchObject({ status: 405, allow: "GET, HEAD, OPTIONS" });
    // A page's server action.
    expect(checkRequest("POST", "/", { "next-action": "abc" })).toEqual({ kind: "pass" });
  });

  it("answers malformed percent-encoding with 400 under /api and the share's not-found page under /s", () => {
    for (const id of ["%", "%zz", "%FF", "%C0%AF"]) {
      expect(checkRequest("GET", `/api/shares/${id}`, {})).toMatchObject({ kind: "refuse", status: 400 });
      expect(checkRequest("GET", `/s/${id}`, {})).toEqual({ kind: "rewrite", path: NO_SUCH_SHARE_PATH });
      expect(checkRequest("GET", `/s/${id}/transcript.json`, {})).toEqual({
        kind: "rewrite",
        path: NO_SUCH_SHARE_PATH,
      });
    }
    expect(checkRequest("GET", "/s/caf%C3%A9", {})).toEqual({ kind: "pass" });
  });
});
