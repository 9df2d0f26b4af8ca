import { describe, expect, it } from "vitest";
import { bytesToHex, hexToBytes, isAllZero } from "./ids";

describe("ids", () => {
  it("round-trips bytes through lowercase hex", () => {
    const bytes = Uint8Array.from([0x00, 0xab, 0x10, 0xff]);
    expect(bytesToHex(bytes)).toBe("00ab10ff");
    expect(Array.from(hexToBytes("00AB10ff") ?? [])).toEqual([0x00, 0xab, 0x10, 0xff]);
  });

  it("hex-encodes only the viewed part of a larger buffer", () => {
    const backing = Uint8Array.from([1, 2, 3, 4, 5]);
    expect(bytesToHex(backing.subarray(1, 3))).toBe("0203");
  });

  it("refuses text that is not even-length hex", () => {
    expect(hexToBytes("abc")).toBeNull();
    expect(hexToBytes("zz00")).toBeNull();
    expect(hexToBytes("0x12")).toBeNull();
    expect(hexToBytes("")?.length).toBe(0);
  });

  it("detects all-zero ids", () => {
    expect(isAllZero(new Uint8Array(16))).toBe(true);
    expect(isAllZero(Uint8Array.from([0, 0, 1]))).toBe(false);
  });
});
