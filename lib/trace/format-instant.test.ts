import { describe, expect, it } from "vitest";
import { formatUnixNano, offsetToUnixNano } from "./format-instant";

describe("formatUnixNano", () => {
  it("keeps the sub-millisecond digits a number would lose", () => {
    expect(formatUnixNano("1764000000123456789", "UTC")).toBe("2025-11-24 16:00:00.123456");
    expect(formatUnixNano(1_764_000_000_123_456_789n, "UTC", 9)).toBe("2025-11-24 16:00:00.123456789");
    expect(formatUnixNano("1764000000000001000", "Asia/Shanghai", 3)).toBe("2025-11-25 00:00:00.000");
  });

  it("adds an offset in nanoseconds to the trace start exactly", () => {
    expect(offsetToUnixNano("1764000000123456789", 1_500)).toBe(1_764_000_000_123_458_289n);
    expect(offsetToUnixNano("1764000000000000000", 0.5)).toBe(1_764_000_000_000_000_001n);
  });
});
