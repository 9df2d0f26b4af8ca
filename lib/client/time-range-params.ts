import { createParser, createSerializer, parseAsString } from "nuqs/server";

// The global time range's URL contract: `from` and `to` in Unix milliseconds, `rel` optional
// (e.g. "15m"). Every page and every link builder reads the same parsers, so a copied address
// always names the exact window.

// An ISO-8601 date or date-time, as the API also accepts (`2026-12-04`, `2026-12-04T10:00:00Z`).
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/i;

/**
 * Unix milliseconds as plain digits, or an ISO-8601 instant (what people paste from logs);
 * "1.5e12" or "12abc" are refused rather than half-read.
 */
export function readUnixMillis(value: string): number | null {
  const ms = /^\d{1,16}$/.test(value) ? Number(value) : ISO_INSTANT.test(value) ? Date.parse(value) : Number.NaN;
  return Number.isSafeInteger(ms) && ms >= 0 ? ms : null;
}

export const parseAsUnixMillis = createParser<number>({
  parse: readUnixMillis,
  serialize: (value) => String(Math.trunc(value)),
});

export const timeRangeParsers = {
  from: parseAsUnixMillis,
  to: parseAsUnixMillis,
  rel: parseAsString,
};

/** `withTimeRange("/traces", { from, to, rel })` → "/traces?from=…&to=…&rel=15m" (null values omitted). */
export const withTimeRange = createSerializer(timeRangeParsers);
