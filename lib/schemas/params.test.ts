import { describe, expect, it } from "vitest";
import { findNul, jsonDepth, MAX_STEP_SECONDS, parseDurationSeconds, parseKeyValue, parseSeverity, parseTimeParam, TIME_PARAM_RANGE_MS } from "./params";

describe("parseTimeParam", () => {
  it("reads Unix milliseconds", () => {
    expect(parseTimeParam("1764000000000")).toBe(1_764_000_000_000);
    expect(parseTimeParam(" 0 ")).toBe(0);
  });

  it("reads ISO-8601 with Z, with offsets in both forms, and with fractions", () => {
    expect(parseTimeParam("2025-11-24T16:00:00Z")).toBe(Date.UTC(2025, 10, 24, 16));
    expect(parseTimeParam("2025-11-24T18:00:00+02:00")).toBe(Date.UTC(2025, 10, 24, 16));
    expect(parseTimeParam("2025-11-24T11:00:00-0500")).toBe(Date.UTC(2025, 10, 24, 16));
    expect(parseTimeParam("2025-11-24T16:00:00.123456789Z")).toBe(Date.UTC(2025, 10, 24, 16, 0, 0, 123));
    expect(parseTimeParam("2025-11-24T16:00:00.5Z")).toBe(Date.UTC(2025, 10, 24, 16, 0, 0, 500));
  });

  it("reads a time without offset, and a bare date, as UTC", () => {
    expect(parseTimeParam("2025-11-24T16:30")).toBe(Date.UTC(2025, 10, 24, 16, 30));
    expect(parseTimeParam("2025-11-24")).toBe(Date.UTC(2025, 10, 24));
  });

  it("rejects text that is neither, and dates that do not exist", () => {
    for (const bad of ["", "yesterday", "March 7 2025", "2025-13-01", "2025-02-31", "2025-11-24T25:00Z", "-5", "1.5", "12345678901234567890"]) {
      expect(parseTimeParam(bad), bad).toBeNull();
    }
  });
});

describe("parseDurationSeconds", () => {
  it("reads units and bare seconds", () => {
    expect(parseDurationSeconds("60s")).toBe(60);
    expect(parseDurationSeconds("5m")).toBe(300);
    expect(parseDurationSeconds("1h")).toBe(3_600);
    expect(parseDurationSeconds("2d")).toBe(172_800);
    expect(parseDurationSeconds("1w")).toBe(604_800);
    expect(parseDurationSeconds("300")).toBe(300);
    expect(parseDurationSeconds("5M")).toBe(300);
  });

  it("rejects zero, fractions, negative and unknown units", () => {
    for (const bad of ["0", "0s", "1.5m", "-60", "5y", "m", ""]) expect(parseDurationSeconds(bad), bad).toBeNull();
  });
});

describe("parseKeyValue", () => {
  it("splits at the first equals sign", () => {
    expect(parseKeyValue("http.route=/api/orders")).toEqual({ key: "http.route", value: "/api/orders" });
    expect(parseKeyValue("q=a=b")).toEqual({ key: "q", value: "a=b" });
    expect(parseKeyValue("flag=")).toEqual({ key: "flag", value: "" });
  });

  it("needs a key and an equals sign", () => {
    expect(parseKeyValue("=value")).toBeNull();
    expect(parseKeyValue("novalue")).toBeNull();
    expect(parseKeyValue(" =x")).toBeNull();
  });
});

describe("parseSeverity", () => {
  it("reads level names in any case and their aliases", () => {
    expect(parseSeverity("WARN")).toBe(13);
    expect(parseSeverity("warning")).toBe(13);
    expect(parseSeverity("error")).toBe(17);
    expect(parseSeverity("Fatal")).toBe(21);
    expect(parseSeverity("trace")).toBe(1);
  });

  it("reads OTLP numbers 1 to 24 only", () => {
    expect(parseSeverity("9")).toBe(9);
    expect(parseSeverity("24")).toBe(24);
    expect(parseSeverity("0")).toBeNull();
    expect(parseSeverity("25")).toBeNull();
    expect(parseSeverity("loud")).toBeNull();
  });
});

describe("TIME_PARAM_RANGE_MS and MAX_STEP_SECONDS", () => {
  it("span the Unix epoch to the last millisecond of int64 nanoseconds, and a year of steps", () => {
    expect(new Date(TIME_PARAM_RANGE_MS.min).toISOString()).toBe("1970-01-01T00:00:00.000Z");
    expect(new Date(TIME_PARAM_RANGE_MS.max).toISOString()).toBe("2262-04-11T23:47:16.854Z");
    expect(BigInt(TIME_PARAM_RANGE_MS.max) * 1_000_000n).toBeLessThanOrEqual(2n ** 63n - 1n);
    expect(BigInt(TIME_PARAM_RANGE_MS.max + 1) * 1_000_000n).toBeGreaterThan(2n ** 63n - 1n);
    expect(MAX_STEP_SECONDS).toBe(parseDurationSeconds("366d"));
  });
});

describe("findNul", () => {
  it("finds U+0000 in strings and keys at any depth, with its path", () => {
    expect(findNul("a\u0000b")).toEqual([]);
    expect(findNul({ a: [1, { b: "x\u0000" }] })).toEqual(["a", 1, "b"]);
    expect(findNul({ a: { "k\u0000": 1 } })).toEqual(["a"]);
    expect(findNul({ a: ["clean", 1, null, true], b: "\\u0000 (escaped, not NUL)" })).toBeNull();
  });
});

describe("jsonDepth", () => {
  it("counts nesting without recursion, so hostile depth cannot overflow the stack", () => {
    expect(jsonDepth(1)).toBe(0);
    expect(jsonDepth({ a: [1] })).toBe(2);
    let deep: unknown = "bottom";
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(jsonDepth(deep)).toBe(100_000);
  });
});
