// What the store can hold, checked before it is asked to: one set of field limits for every
// ingest path (OTLP traces, metrics and logs, and the db agent's audit and lock endpoints). Each
// limit follows from a column type or an index in prisma/migrations/*_telemetry.sql; the rule
// chosen for each field (refuse the item, truncate, clamp) and why is in docs/ingest-limits.md.
// Pure: no database, no clock of its own (`now` is passed in), no Node built-ins (the zod
// schemas that use it are also bundled for the browser).

export const FIELD_LIMITS = {
  /** Anything earlier is a unit mistake (seconds or millis sent as nanos) or an unset clock. */
  earliestMs: Date.UTC(2000, 0, 1),
  /** How far ahead of our clock a time may be before we call it implausible. */
  maxFutureSkewMs: 24 * 3600 * 1000,
  /**
   * UTF-8 bytes of a name that is part of a btree key: service name (spans, logs, series,
   * rollups), span name (rollup key) and metric name (series index). A btree entry holds at
   * most ~2,700 bytes; the rollup key carries service and span name together, so 1 KiB each.
   */
  maxIndexedNameBytes: 1024,
  /** PostgreSQL `integer`: the dropped-counts and flags columns. */
  maxInt32: 2 ** 31 - 1,
  /** Counts (points, buckets) travel as JS numbers, exact only up to 2^53 − 1. */
  maxCount: Number.MAX_SAFE_INTEGER,
  /** PostgreSQL `bigint`. */
  maxInt64: 9_223_372_036_854_775_807n,
  /** The audit primary key is part of a btree key beside the table name (≤ 200 characters). */
  maxPkColumns: 32,
  maxPkJsonBytes: 1024,
} as const;

/**
 * Thrown while converting one item to say it must be refused; the decoder catches it, counts
 * the item and keeps the message. Anything else thrown is a bug and propagates.
 */
export class ItemRejection extends Error {
  override name = "ItemRejection";
}

export interface TimeWindow {
  minUnixNano: bigint;
  maxUnixNano: bigint;
}

/** The times ingest accepts, judged by the receiving clock `now`. */
export function timeWindow(now: Date = new Date()): TimeWindow {
  return {
    minUnixNano: BigInt(FIELD_LIMITS.earliestMs) * 1_000_000n,
    maxUnixNano: BigInt(now.getTime() + FIELD_LIMITS.maxFutureSkewMs) * 1_000_000n,
  };
}

/** Why `unixNano` is outside the window, or null when it is inside. */
export function timeProblem(unixNano: bigint, window: TimeWindow): string | null {
  if (unixNano < window.minUnixNano) return "is before the year 2000";
  if (unixNano > window.maxUnixNano) return "is more than 24 h in the future";
  return null;
}

export function requireTime(field: string, unixNano: bigint, window: TimeWindow): bigint {
  const problem = timeProblem(unixNano, window);
  if (problem) throw new ItemRejection(`${field} ${unixNano} ${problem}`);
  return unixNano;
}

/** An instant with microseconds (the agent's ISO times) checked against the same window. */
export function instantProblem(epochMs: number, window: TimeWindow): string | null {
  if (!Number.isFinite(epochMs)) return "is not a valid instant";
  return timeProblem(BigInt(Math.trunc(epochMs)) * 1_000_000n, window);
}

const UNSTORABLE = "\\u0000|[\\ud800-\\udbff](?![\\udc00-\\udfff])|(?<![\\ud800-\\udbff])[\\udc00-\\udfff]";
const hasUnstorable = new RegExp(UNSTORABLE);
const allUnstorable = new RegExp(UNSTORABLE, "g");

/**
 * `text` as PostgreSQL will hold it: NUL (which `text` cannot hold) and lone surrogates (which
 * UTF-8 cannot encode) become U+FFFD. Names that are keys are made storable before they are
 * compared, so two names that differ only there are one key, here as in the table.
 */
export function storableText(text: string): string {
  return hasUnstorable.test(text) ? text.replace(allUnstorable, "\uFFFD") : text;
}

export interface Truncated {
  value: string;
  /** UTF-8 bytes cut off; 0 when the value was short enough. */
  cutBytes: number;
}

/**
 * `text` cut to at most `maxBytes` UTF-8 bytes, ending in a marker "…[+N bytes]" that says how
 * much was cut. Cuts at a code point boundary, so the result is valid text.
 */
export function truncateUtf8(text: string, maxBytes: number = FIELD_LIMITS.maxIndexedNameBytes): Truncated {
  // UTF-8 needs at most three bytes per UTF-16 unit, so short strings skip the measurement.
  if (text.length * 3 <= maxBytes) return { value: text, cutBytes: 0 };
  const bytes = encoder.encode(text);
  if (bytes.length <= maxBytes) return { value: text, cutBytes: 0 };
  // The marker's digits depend on the cut; its longest form bounds the room it needs.
  const room = maxBytes - utf8Bytes(`…[+${bytes.length} bytes]`);
  let end = Math.max(0, room);
  while (end > 0 && ((bytes[end] ?? 0) & 0xc0) === 0x80) end--; // never split a code point
  const cutBytes = bytes.length - end;
  return { value: `${decoder.decode(bytes.subarray(0, end))}…[+${cutBytes} bytes]`, cutBytes };
}

/** A name that is part of an index key (service, span, metric): storable, then truncated. */
export function indexedName(text: string): Truncated {
  return truncateUtf8(storableText(text));
}

/** A count for an `integer` column: saturates at 2^31 − 1 ("very many" stays true). */
export function clampInt32Count(count: number): number {
  return Math.min(Math.max(0, count), FIELD_LIMITS.maxInt32);
}

/**
 * OTLP flags (fixed32) for an `integer` column. Bit 31 is reserved by OTLP (must be zero) and is
 * the one bit a signed column cannot hold as sent, so it is cleared; every defined bit is kept.
 */
export function int32Flags(flags: number): number {
  return (flags >>> 0) & FIELD_LIMITS.maxInt32;
}

/** A count that must be exact: refused past 2^53 − 1 rather than stored rounded or wrapped. */
export function requireCount(field: string, count: number): number {
  if (!Number.isSafeInteger(count) || count < 0) {
    throw new ItemRejection(`${field} ${count} is not a count Sightline can store exactly (0 to 2^53 − 1)`);
  }
  return count;
}

/** UTF-8 bytes of `text`. */
export function utf8Bytes(text: string): number {
  return encoder.encode(text).length;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();
