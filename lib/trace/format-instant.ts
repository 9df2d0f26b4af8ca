import { formatInstant } from "@/lib/client/time-range";

// Span times to the microsecond: "2025-11-25 18:20:01.123456" in the reader's time zone. The
// date and seconds come from the shared instant formatter; the sub-second digits are cut from
// the nanosecond string itself, since a JS number cannot hold a Unix time in nanoseconds.

export function formatUnixNano(unixNano: bigint | string, timeZone: string, digits: 3 | 6 | 9 = 6): string {
  const ns = typeof unixNano === "bigint" ? unixNano : BigInt(unixNano);
  const ms = Number(ns / 1_000_000n);
  const fraction = (ns % 1_000_000_000n).toString().padStart(9, "0").slice(0, digits);
  return `${formatInstant(ms, timeZone)}.${fraction}`;
}

/** When span `offsetNs` after the trace start began, as a Unix time in nanoseconds. */
export function offsetToUnixNano(traceStartUnixNano: string, offsetNs: number): bigint {
  return BigInt(traceStartUnixNano) + BigInt(Math.round(offsetNs));
}
