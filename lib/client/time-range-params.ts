import { createParser, createSerializer, parseAsString } from "nuqs";

// The global time range's URL contract: `from` and `to` in Unix milliseconds, `rel` optional
// (e.g. "15m"). Every page and every link builder reads the same parsers, so a copied address
// always names the exact window.

/** Only plain digit strings: "1.5e12" or "12abc" are refused rather than half-read. */
export const parseAsUnixMillis = createParser<number>({
  parse: (value) => (/^\d{1,16}$/.test(value) ? Number(value) : null),
  serialize: (value) => String(Math.trunc(value)),
});

export const timeRangeParsers = {
  from: parseAsUnixMillis,
  to: parseAsUnixMillis,
  rel: parseAsString,
};

/** `withTimeRange("/traces", { from, to, rel })` → "/traces?from=…&to=…&rel=15m" (null values omitted). */
export const withTimeRange = createSerializer(timeRangeParsers);
