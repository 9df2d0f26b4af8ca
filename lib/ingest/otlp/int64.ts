// 64-bit OTLP integers arrive as `Long` objects from protobufjs. These turn them into what the
// records hold without a string round trip on the hot path.

import type { LongLike } from "./otlp-messages";

const TWO_32 = 4294967296;

/** A fixed64 nanosecond timestamp (or any unsigned 64-bit value) as an exact bigint. */
export function uint64ToBigInt(value: LongLike | number): bigint {
  if (typeof value === "number") return BigInt(Math.trunc(value));
  return (BigInt(value.high >>> 0) << 32n) | BigInt(value.low >>> 0);
}

/** The value as a JS number; exact up to 2^53, rounded beyond (counts never get there). */
export function int64ToNumber(value: LongLike | number): number {
  if (typeof value === "number") return value;
  const high = value.unsigned ? value.high >>> 0 : value.high;
  return high * TWO_32 + (value.low >>> 0);
}

/** An int64 attribute: a number while that is exact, else the exact decimal string. */
export function int64ToAttr(value: LongLike | number): number | string {
  const n = int64ToNumber(value);
  if (Number.isSafeInteger(n)) return n;
  return typeof value === "number" ? String(value) : value.toString();
}
