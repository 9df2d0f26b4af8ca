import { describe, expect, it } from "vitest";
import { pgJson, pgText } from "./pg-safe";

describe("pg-safe", () => {
  it("replaces NUL in text and leaves other text alone", () => {
    expect(pgText("a\u0000b")).toBe("a\uFFFDb");
    expect(pgText("plain")).toBe("plain");
    expect(pgText(null)).toBeNull();
  });

  it("replaces escaped NUL in JSON but not a literal backslash-u0000 the user wrote", () => {
    expect(JSON.parse(pgJson({ k: "x\u0000y" }))).toEqual({ k: "x\uFFFDy" });
    expect(JSON.parse(pgJson({ k: "\\u0000" }))).toEqual({ k: "\\u0000" });
    expect(JSON.parse(pgJson({ "k\u0000": ["\\\u0000"] }))).toEqual({ "k\uFFFD": ["\\\uFFFD"] });
  });

  it("replaces escaped lone surrogates in JSON (jsonb refuses them) and keeps paired ones", () => {
    expect(JSON.parse(pgJson({ k: "a\ud800b", "\udc00": "\ud83d\ude00" }))).toEqual({ k: "a\uFFFDb", "\uFFFD": "\ud83d\ude00" });
    expect(JSON.parse(pgJson({ k: "\\ud800" }))).toEqual({ k: "\\ud800" }); // a backslash the user wrote
  });
});
