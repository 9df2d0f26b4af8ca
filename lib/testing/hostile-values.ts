import fc from "fast-check";

// Values a careless or hostile client sends, for tests that walk the API: text for query and
// path parameters, and JSON for request bodies. The fixed lists name the cases that broke (or
// break) real servers: NUL bytes PostgreSQL refuses, dates past what `Date` or `timestamptz`
// hold, numbers past a float or a bigint, durations past an interval, and text shaped like
// SQL; the arbitraries add random neighbours of them.

const DIGITS_23 = "12345678901234567890123";

/** Texts no parameter should answer with a 5xx, whatever it means. */
export const HOSTILE_TEXTS: readonly string[] = [
  // empty and blank
  "",
  " ",
  "\t",
  // NUL and control characters
  "\u0000",
  "a\u0000b",
  "2025-11-24T16:00:00Z\u0000",
  "\u0001\u001f\u007f",
  "line\nbreak",
  "\r\n",
  // unicode
  "\u00e9t\u00e9",
  "\ud83d\ude80",
  "\ufeff",
  "\u202e",
  "\uffff",
  "\ufffd",
  // numbers out of every range
  "-5",
  "-1",
  "0",
  "-0",
  "1.5",
  "1e308",
  "-1e308",
  "1e309",
  "1e-400",
  "4.9e-324",
  "NaN",
  "Infinity",
  "-Infinity",
  "9007199254740993",
  "9223372036854775807",
  "9223372036854775808",
  "-9223372036854775809",
  "18446744073709551616",
  DIGITS_23,
  `-${DIGITS_23}`,
  "0x1f",
  "1_000",
  "999999999999999",
  "8640000000000001",
  // dates outside what Date, timestamptz or nanosecond bigints hold
  "0000-00-00",
  "0000-01-01",
  "0000-01-01T00:00:00Z",
  "0001-01-01",
  "1000-01-01T00:00:00Z",
  "1677-09-21T00:12:43.145Z",
  "1969-12-31T23:59:59.999Z",
  "2262-04-11T23:47:16.855Z",
  "9999-12-31T23:59:59.999999999-23:59",
  "9999-12-31T23:59:59+14:00",
  "-5000-01-01",
  "+300000-01-01T00:00:00Z",
  "300000-01-01",
  "294277-01-01",
  "2025-11-24T24:00:00Z",
  "2025-02-29",
  "2025-11-24T16:00:00+99:99",
  // durations and steps too large for an interval or a number
  "999999999w",
  "999999999d",
  "999999999h",
  "999999999",
  "99999999999999999999s",
  "1s",
  "0s",
  "-1m",
  "1e9s",
  "5 minutes",
  "P1D",
  // key=value and JSON shapes, some with absurd numbers
  "=",
  "==",
  "k=",
  "=v",
  "k=v=w",
  "k=1e308",
  "k=1e999999",
  "k=-1e999999",
  "k=1e-999999",
  "k=0e-999999",
  `k=${DIGITS_23}`,
  "k=NaN",
  "k=Infinity",
  "k=\u0000",
  "\u0000=v",
  "http.response.status_code=99999999999999999999999999999999",
  "{",
  "{}",
  "[]",
  "null",
  '{"id":1e999}',
  '{"id":"\\u0000"}',
  '{"\\u0000":1}',
  '{"id":{"nested":[1,2,{"deep":true}]}}',
  `{"id":${"[".repeat(1_500)}${"]".repeat(1_500)}}`,
  // SQL-looking text
  "' OR 1=1 --",
  "'; DROP TABLE spans; --",
  "\\",
  "%",
  "_",
  "%_\\",
  "$1",
  "::text",
  "1)::int",
  "E'\\x00'",
  // long text (the whole URL must stay under Node's 16 KiB header limit)
  "x".repeat(4_000),
  "9".repeat(1_000),
  "\u00e9".repeat(1_000),
];

/** Percent-encodings sent as they are: invalid UTF-8, a NUL byte, broken escapes. */
export const RAW_QUERY_FRAGMENTS: readonly string[] = ["%00", "%FF", "%C3%28", "%ED%A0%80", "%", "%zz", "a%2", "%25%00", "+", "%2B"];

/** Plausible values: enough of each kind that a request also gets past the parameters it did not target. */
export const PLAUSIBLE_TEXTS: readonly string[] = [
  "checkout",
  "GET /api/orders",
  "2025-11-24T16:00:00Z",
  "2025-11-24",
  "1764000000000",
  "5m",
  "60",
  "1h",
  "http.route=/api/orders",
  "order.id=42",
  "warn",
  "server",
  '{"id":42}',
  "42",
  "20",
];

/** Text drawn from the fixed lists and their random neighbours. */
export const hostileText: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...HOSTILE_TEXTS) },
  { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: fc.constantFrom("\u0000", "\u0001", "'", "\\", "%", "_", "=", "-", "9", "e", "Z", "T", ":", ".", " "), maxLength: 30 }) },
  { weight: 1, arbitrary: fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }).map(String) },
  { weight: 1, arbitrary: fc.double().map(String) },
  { weight: 1, arbitrary: fc.integer({ min: -300_000, max: 300_000 }).map((year) => `${year}-01-01T00:00:00Z`) },
  { weight: 1, arbitrary: fc.date({ noInvalidDate: true }).map((date) => date.toISOString()) },
  { weight: 1, arbitrary: fc.tuple(fc.bigInt({ min: 0n, max: 10n ** 20n }), fc.constantFrom("", "s", "m", "h", "d", "w")).map(([n, unit]) => `${n}${unit}`) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom("k", "http.status_code", "\u0000"), fc.oneof(fc.double().map(String), fc.bigInt().map(String))).map(([k, v]) => `${k}=${v}`) },
);

/** A JSON value (for a body field) that no schema should turn into a 5xx. */
export const hostileJson: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: hostileText },
  { weight: 2, arbitrary: fc.constantFrom(0, -5, -0, 1.5, 1e308, -1e308, 5e-324, 2 ** 53 + 2, 2 ** 63, 2 ** 64, Number.MAX_VALUE, 1e21) },
  { weight: 1, arbitrary: fc.constantFrom(null, true, false, [], {}, [null], { "": null }, JSON.parse('{"__proto__":{"polluted":true}}') as unknown) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  { weight: 1, arbitrary: fc.constantFrom(nested(100), nested(1_000)) },
);

/**
 * `[[[...]]]` this deep: recursive validators meet their stack limit near here. Deeper nesting
 * is sent as text (DEEP_JSON_TEXT), since the test's own JSON.stringify would overflow on it.
 */
function nested(depth: number): unknown {
  let value: unknown = "bottom";
  for (let i = 0; i < depth; i++) value = [value];
  return value;
}

/** JSON nested 20,000 levels deep, as text: `[[[...]]]`. */
export const DEEP_JSON_TEXT = `${"[".repeat(20_000)}${"]".repeat(20_000)}`;

/** Lone surrogates cannot be percent-encoded; a browser sends U+FFFD in their place. */
export function wellFormed(text: string): string {
  return text.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, "\ufffd");
}
