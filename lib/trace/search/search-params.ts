import { createSerializer, parseAsBoolean, parseAsFloat, parseAsInteger, parseAsNativeArrayOf, parseAsString, parseAsStringLiteral } from "nuqs";
import { timeRangeParsers } from "@/lib/client/time-range-params";

// The trace search's URL contract. Every filter lives in the query string (repeatable ones as
// repeated keys, `attr=a%3D1&attr=b%3D2`, like the API), beside the global `from`/`to`, so a
// copied link replays exactly the same search. The names are the API's where they overlap.

export const STATUS_FILTERS = ["any", "error", "ok"] as const;
export const SEARCH_ORDERS = ["start", "duration"] as const;
export const LIMIT_CHOICES = [20, 50, 100, 200, 500] as const;
export const DEFAULT_LIMIT = 50;

export const traceSearchParsers = {
  service: parseAsString,
  operation: parseAsString,
  minDurationMs: parseAsFloat,
  maxDurationMs: parseAsFloat,
  status: parseAsStringLiteral(STATUS_FILTERS).withDefault("any"),
  timeout: parseAsBoolean.withDefault(false),
  /** `key=value`: a span (or its resource) has the attribute with that value. */
  attr: parseAsNativeArrayOf(parseAsString).withDefault([]),
  /** `key`: a span (or its resource) has the attribute. */
  attrExists: parseAsNativeArrayOf(parseAsString).withDefault([]),
  /** Keep only traces that also pass through this service (from a service-map edge). */
  touches: parseAsString,
  sort: parseAsStringLiteral(SEARCH_ORDERS).withDefault("start"),
  limit: parseAsInteger.withDefault(DEFAULT_LIMIT),
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
  touches: null,
  sort: "start",
  limit: DEFAULT_LIMIT,
};

/** `/traces?…` for a search and a window, e.g. a link from the service map. */
export const traceSearchHref = createSerializer({ ...timeRangeParsers, ...traceSearchParsers });
