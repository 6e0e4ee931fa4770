import { describe, expect, it } from "vitest";
import { acceptedLanguages, matchLocale, negotiateLocale } from "@/lib/i18n/locales";

describe("negotiateLocale", () => {
  it("takes the reader's saved choice first", () => {
    expect(negotiateLocale({ cookie: "ko", acceptLanguage: "zh-CN,zh;q=0.9" })).toBe("ko");
    expect(negotiateLocale({ cookie: "en", acceptLanguage: "ko" })).toBe("en");
  });

  it("ignores a cookie that names no language of the UI", () => {
    expect(negotiateLocale({ cookie: "fr", acceptLanguage: "ko-KR" })).toBe("ko");
    expect(negotiateLocale({ cookie: "zh-CN;evil", acceptLanguage: null })).toBe("en");
  });

  it("then the browser's languages by their q-values, skipping ones it has not", () => {
    expect(negotiateLocale({ acceptLanguage: "fr-FR,fr;q=0.9,ko;q=0.8,zh-CN;q=0.7" })).toBe("ko");
    expect(negotiateLocale({ acceptLanguage: "en;q=0.5,zh-CN;q=0.9" })).toBe("zh-CN");
    expect(negotiateLocale({ acceptLanguage: "ko;q=0, zh-Hans-CN" })).toBe("zh-CN");
  });

  it("reads Traditional Chinese as no match rather than Simplified", () => {
    expect(negotiateLocale({ acceptLanguage: "zh-TW,ko;q=0.5" })).toBe("ko");
    expect(matchLocale("zh-Hant-HK")).toBeUndefined();
    expect(matchLocale("zh")).toBe("zh-CN");
  });

  it("else English", () => {
    expect(negotiateLocale({})).toBe("en");
    expect(negotiateLocale({ acceptLanguage: "de-DE,fr;q=0.5,*;q=0.1" })).toBe("en");
    expect(negotiateLocale({ acceptLanguage: ";;;,q=," })).toBe("en");
  });

  it("orders equal q-values as the header lists them", () => {
    expect(acceptedLanguages("a;q=0.5, b, c;q=0.5, d;q=1")).toEqual(["b", "d", "a", "c"]);
  });
});
