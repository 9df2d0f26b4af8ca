import { describe, expect, it } from "vitest";
import { formatBytes } from "./format-bytes";

describe("formatBytes", () => {
  it("picks the largest unit below 1024", () => {
    expect(formatBytes(0, "en")).toBe("0 B");
    expect(formatBytes(1000, "en")).toBe("1,000 B");
    expect(formatBytes(8192, "en")).toBe("8 kB");
    expect(formatBytes(1536 * 1024 * 1024, "en")).toBe("1.5 GB");
    expect(formatBytes(500 * 1024 * 1024, "en")).toBe("500 MB");
  });

  it("follows the locale", () => {
    expect(formatBytes(1536 * 1024 * 1024, "zh-CN")).toBe("1.5 GB");
  });

  it("clamps negative sizes to zero", () => {
    expect(formatBytes(-1, "en")).toBe("0 B");
  });
});
