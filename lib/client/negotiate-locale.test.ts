import { describe, expect, it } from "vitest";
import { negotiateLocale, preferredLanguages } from "@/i18n/negotiate-locale";

describe("negotiateLocale", () => {
  it("prefers the cookie when it names a known locale", () => {
    expect(negotiateLocale({ cookie: "zh-CN", acceptLanguage: "en-US,en;q=0.9" })).toBe("zh-CN");
    expect(negotiateLocale({ cookie: "zh-cn", acceptLanguage: null })).toBe("zh-CN");
    expect(negotiateLocale({ cookie: "en", acceptLanguage: "zh-CN" })).toBe("en");
  });

  it("ignores an unknown cookie and falls back to Accept-Language", () => {
    expect(negotiateLocale({ cookie: "fr", acceptLanguage: "zh-CN,zh;q=0.9" })).toBe("zh-CN");
  });

  it("follows q-values, not header order", () => {
    expect(negotiateLocale({ acceptLanguage: "en;q=0.5, zh-Hans;q=0.8" })).toBe("zh-CN");
    expect(negotiateLocale({ acceptLanguage: "fr-FR,fr;q=0.9,en;q=0.8,zh;q=0.7" })).toBe("en");
  });

  it("maps every Chinese variant to Simplified Chinese", () => {
    for (const tag of ["zh", "zh-CN", "zh-SG", "zh-Hans-CN", "zh-TW"]) expect(negotiateLocale({ acceptLanguage: tag }), tag).toBe("zh-CN");
  });

  it("falls back to English", () => {
    expect(negotiateLocale({})).toBe("en");
    expect(negotiateLocale({ acceptLanguage: "de-DE,fr;q=0.5" })).toBe("en");
    expect(negotiateLocale({ acceptLanguage: "zh;q=0, de" })).toBe("en");
    expect(negotiateLocale({ acceptLanguage: "*" })).toBe("en");
  });
});

describe("preferredLanguages", () => {
  it("orders by q and drops refused or malformed entries", () => {
    expect(preferredLanguages("da, en-GB;q=0.8, en;q=0.7, zh;q=0, ;q=1, xx;q=abc")).toEqual(["da", "en-gb", "en"]);
  });
});
