import { describe, expect, it } from "vitest";
import { parseDurationSeconds, parseKeyValue, parseSeverity, parseTimeParam } from "./params";

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
