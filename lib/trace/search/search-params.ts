import { createParser, createSerializer, parseAsNativeArrayOf, parseAsString } from "nuqs/server";
import { timeRangeParsers } from "@/lib/client/time-range-params";
import { parseDurationInput } from "./parse-duration-input";
import { DEFAULT_LIMIT } from "./search-limits";

// The trace search's URL contract. Every filter lives in the query string (repeatable ones as
// repeated keys, `attr=a%3D1&attr=b%3D2`, like the API), beside the global `from`/`to`, so a
// copied link replays exactly the same search. The names are the API's where they overlap.

export const STATUS_FILTERS = ["any", "error", "ok"] as const;
export const SEARCH_ORDERS = ["start", "duration"] as const;
export { DEFAULT_LIMIT, LIMIT_CHOICES, MAX_LIMIT } from "./search-limits";

// Readers of hand-written values. Each accepts the obvious spellings and returns null for the
// rest; search-url-rules.ts tells the reader about every null, so none is dropped silently.

/** "250" (ms), "250ms", "1.5s"…; null for negative or unreadable durations. */
export const readDurationMs = (value: string): number | null => parseDurationInput(value);

/** true/1/yes/on and false/0/no/off, in any case. */
export function readFlag(value: string): boolean | null {
  const text = value.trim().toLowerCase();
  if (["true", "1", "yes", "on"].includes(text)) return true;
  if (["false", "0", "no", "off"].includes(text)) return false;
  return null;
}

/** One of `choices`, in any case. */
export function readChoice<T extends string>(choices: readonly T[], value: string): T | null {
  const text = value.trim().toLowerCase();
  return choices.find((choice) => choice === text) ?? null;
}

/** A positive whole number as plain digits ("12abc" and "1.5" are refused, not half-read). */
export function readCount(value: string): number | null {
  const text = value.trim();
  if (!/^\d{1,15}$/.test(text)) return null;
  const count = Number(text);
  return count > 0 ? count : null;
}

/** A trace id: 32 hexadecimal characters, in any case (kept lower-case, as the API answers). */
export const readTraceId = (value: string): string | null => (/^[0-9a-f]{32}$/i.test(value.trim()) ? value.trim().toLowerCase() : null);

/** `key=value` with a non-empty key. */
export const readAttrCondition = (value: string): string | null => (value.indexOf("=") > 0 && value.slice(0, value.indexOf("=")).trim() ? value : null);

// Rounded to the nanosecond before writing, so a tiny duration from a brushed box is never
// written as "1e-7", which the reader (rightly) refuses.
const parseAsDurationMs = createParser<number>({ parse: readDurationMs, serialize: (ms) => String(Math.round(ms * 1e6) / 1e6) });
const parseAsFlag = createParser<boolean>({ parse: readFlag, serialize: String });
const parseAsCount = createParser<number>({ parse: readCount, serialize: String });
const parseAsChoice = <T extends string>(choices: readonly T[]) => createParser<T>({ parse: (value) => readChoice(choices, value), serialize: String });

export const traceSearchParsers = {
  service: parseAsString,
  operation: parseAsString,
  minDurationMs: parseAsDurationMs,
  maxDurationMs: parseAsDurationMs,
  status: parseAsChoice(STATUS_FILTERS).withDefault("any"),
  timeout: parseAsFlag.withDefault(false),
  /** `key=value`: a span (or its resource) has the attribute with that value. */
  attr: parseAsNativeArrayOf(createParser({ parse: readAttrCondition, serialize: String })).withDefault([]),
  /** `key`: a span (or its resource) has the attribute. */
  attrExists: parseAsNativeArrayOf(parseAsString).withDefault([]),
  /** Only these traces (e.g. a metric chart's exemplars), repeatable; at most MAX_SEARCH_TRACE_IDS are used. */
  traceId: parseAsNativeArrayOf(createParser({ parse: readTraceId, serialize: String })).withDefault([]),
  /** Keep only traces that also pass through this service (from a service-map edge). */
  touches: parseAsString,
  sort: parseAsChoice(SEARCH_ORDERS).withDefault("start"),
  limit: parseAsCount.withDefault(DEFAULT_LIMIT),
};

export interface TraceSearchFilters {
  service: string | null;
  operation: string | null;
  minDurationMs: number | null;
  maxDurationMs: number | null;
  status: (typeof STATUS_FILTERS)[number];
  timeout: boolean;
  attr: string[];
  attrExists: string[];
  traceId: string[];
  touches: string | null;
  sort: (typeof SEARCH_ORDERS)[number];
  limit: number;
}

export const EMPTY_FILTERS: TraceSearchFilters = {
  service: null,
  operation: null,
  minDurationMs: null,
  maxDurationMs: null,
  status: "any",
  timeout: false,
  attr: [],
  attrExists: [],
  traceId: [],
  touches: null,
  sort: "start",
  limit: DEFAULT_LIMIT,
};

/** `/traces?…` for a search and a window, e.g. a link from the service map. */
export const traceSearchHref = createSerializer({ ...timeRangeParsers, ...traceSearchParsers });
