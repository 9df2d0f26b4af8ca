import { describe, expect, it } from "vitest";
import { makeSpan } from "@/lib/testing/make-records";
import { copyJson, copyText, microsToTimestamp, spanCopyRows } from "./span-copy-rows";

describe("span COPY rows", () => {
  it("escapes what COPY text format treats specially", () => {
    expect(copyText("plain")).toBe("plain");
    expect(copyText("a\\b\tc\nd\re")).toBe("a\\\\b\\tc\\nd\\re");
  });

  it("escapes JSON text as copyText would", () => {
    for (const value of [{ a: "plain" }, { note: "line1\nline2\ttab\rcr", path: "C:\\tmp", quote: '"' }, { nul: "\u0000" }]) {
      const json = JSON.stringify(value);
      expect(copyJson(json)).toBe(copyText(json));
    }
  });

  it("floors timestamps to the microsecond in UTC", () => {
    expect(microsToTimestamp(1_764_000_000_123_456n)).toBe("2025-11-24T16:00:00.123456+00");
    expect(microsToTimestamp(1_764_000_000_000_001n)).toBe("2025-11-24T16:00:00.000001+00");
    expect(microsToTimestamp(1_764_000_061_999_999n)).toBe("2025-11-24T16:01:01.999999+00");
    expect(microsToTimestamp(1_764_000_000_500_000n)).toBe("2025-11-24T16:00:00.500000+00");
  });

  it("writes one line of 22 columns per span, NULLs as \\N and JSON escaped", () => {
    const span = makeSpan({ name: "GET\t/x", attributes: { note: "line1\nline2", path: "C:\\tmp" }, parentSpanId: null });
    const [line, rest] = spanCopyRows([span], new Map([[span.resource, "42"]]), new Set()).split("\n");
    expect(rest).toBe("");
    const columns = line!.split("\t");
    expect(columns).toHaveLength(22);
    expect(columns[1]).toBe(`\\\\x${span.traceId}`);
    expect(columns[3]).toBe("\\N");
    expect(columns[7]).toBe("GET\\t/x");
    expect(columns[14]).toBe('{"note":"line1\\\\nline2","path":"C:\\\\\\\\tmp"}');
    expect(columns[15]).toBe("42");
  });
});
