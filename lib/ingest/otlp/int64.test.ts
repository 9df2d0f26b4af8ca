import Long from "long";
import { describe, expect, it } from "vitest";
import { int64ToAttr, int64ToNumber, uint64ToBigInt } from "./int64";

describe("int64 conversions", () => {
  it("keeps nanosecond timestamps exact", () => {
    const nanos = 1_767_225_600_123_456_789n;
    expect(uint64ToBigInt(Long.fromString(nanos.toString(), true))).toBe(nanos);
    expect(uint64ToBigInt(Long.fromString("18446744073709551615", true))).toBe(2n ** 64n - 1n);
    expect(uint64ToBigInt(Long.UZERO)).toBe(0n);
  });

  it("converts signed values, negative ones included", () => {
    expect(int64ToNumber(Long.fromInt(-5))).toBe(-5);
    expect(int64ToNumber(Long.fromString("123456789012"))).toBe(123456789012);
  });

  it("gives an int64 attribute as a number only while it is exact", () => {
    expect(int64ToAttr(Long.fromNumber(Number.MAX_SAFE_INTEGER))).toBe(Number.MAX_SAFE_INTEGER);
    expect(int64ToAttr(Long.fromString("9007199254740993"))).toBe("9007199254740993");
    expect(int64ToAttr(Long.fromString("-9223372036854775808"))).toBe("-9223372036854775808");
    expect(int64ToAttr(Long.fromInt(-42))).toBe(-42);
  });
});
