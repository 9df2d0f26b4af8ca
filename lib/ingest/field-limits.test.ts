import { describe, expect, it } from "vitest";
import { clampInt32Count, indexedName, int32Flags, storableText, truncateUtf8 } from "./field-limits";

describe("field limits", () => {
  it("truncates at a code point boundary to at most the limit, saying how much was cut", () => {
    expect(truncateUtf8("short")).toEqual({ value: "short", cutBytes: 0 });
    const text = "é".repeat(600); // 1,200 bytes
    const { value, cutBytes } = truncateUtf8(text);
    expect(Buffer.byteLength(value)).toBeLessThanOrEqual(1024);
    expect(value).toMatch(/^é+…\[\+\d+ bytes\]$/);
    expect(Buffer.byteLength(value.slice(0, value.indexOf("…"))) + cutBytes).toBe(1200);
    expect(truncateUtf8("😀".repeat(300), 50).value).toMatch(/^(😀)+…\[\+\d+ bytes\]$/);
  });

  it("makes text storable: NUL and lone surrogates become U+FFFD, pairs stay", () => {
    expect(storableText("a\u0000b\ud800c\ud83d\ude00d\udc00")).toBe("a\uFFFDb\uFFFDc😀d\uFFFD");
    expect(storableText("plain")).toBe("plain");
    expect(indexedName("GET \u0000").value).toBe("GET \uFFFD");
  });

  it("fits uint32 counts and flags into a signed integer column", () => {
    expect(clampInt32Count(2 ** 32 - 1)).toBe(2 ** 31 - 1);
    expect(clampInt32Count(7)).toBe(7);
    expect(int32Flags(2 ** 32 - 1)).toBe(2 ** 31 - 1);
    expect(int32Flags(0x301)).toBe(0x301);
  });
});
