// Pure parsers for the text of query parameters. The zod schemas in this folder wrap them, so
// the rules (what a time, a step or a `key=value` filter may look like) live in one tested place.

// Unix milliseconds: digits only; 13 digits cover dates up to the year 2286.
const UNIX_MS_PATTERN = /^\d{1,15}$/;
// ISO-8601 calendar date, optionally with a time and an offset. Date.parse alone is too
// lenient ("March 7" parses), and would read an offset-less time in the server's time zone.
const ISO_PATTERN = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:?\d{2})?)?$/i;

/**
 * The instants a time parameter may name: from the Unix epoch (OTLP times are unsigned
 * nanoseconds since then) to the last millisecond a signed 64-bit count of nanoseconds reaches
 * (2262-04-11T23:47:16.854Z), the store's resolution. Inside it, the window arithmetic the
 * queries do (a default hour, a step of lookback) stays well within what `Date` and
 * PostgreSQL's timestamptz hold; outside it, nothing can be stored anyway.
 */
export const TIME_PARAM_RANGE_MS = { min: 0, max: 9_223_372_036_854 } as const;

/**
 * A point in time given as Unix milliseconds or ISO-8601, as Unix milliseconds; null when the
 * text is neither. An ISO time without an offset is read as UTC, so a link means the same
 * instant wherever the server runs.
 */
export function parseTimeParam(text: string): number | null {
  const trimmed = text.trim();
  if (UNIX_MS_PATTERN.test(trimmed)) {
    const ms = Number(trimmed);
    return Number.isSafeInteger(ms) ? ms : null;
  }
  const match = ISO_PATTERN.exec(trimmed);
  if (!match) return null;
  const [, year, month, day, hour = "00", minute = "00", second = "00", fraction = "", offset = "Z"] = match;
  // Sub-millisecond digits are dropped: the API's resolution is the millisecond.
  const millis = (fraction + "000").slice(0, 3);
  const normalisedOffset = offset.toUpperCase() === "Z" ? "Z" : `${offset.slice(0, 3)}:${offset.slice(-2)}`;
  const ms = Date.parse(`${year}-${month}-${day}T${hour}:${minute}:${second}.${millis}${normalisedOffset}`);
  if (Number.isNaN(ms)) return null;
  // Date.parse rolls "02-31" over to March; a date that does not exist is a typo, not a time.
  const check = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
  if (check.getUTCMonth() !== Number(month) - 1 || check.getUTCDate() !== Number(day)) return null;
  return ms;
}

/** The longest step a series may have: a bucket a year at most (52w and 366d included). */
export const MAX_STEP_SECONDS = 366 * 86_400;

const DURATION_UNIT_SECONDS: Record<string, number> = { s: 1, m: 60, h: 3_600, d: 86_400, w: 604_800 };
const DURATION_PATTERN = /^(\d{1,9})([smhdw]?)$/;

/** A step or window length like `60s`, `5m`, `1h`, `1d` or bare seconds (`300`), in seconds. */
export function parseDurationSeconds(text: string): number | null {
  const match = DURATION_PATTERN.exec(text.trim().toLowerCase());
  if (!match) return null;
  const seconds = Number(match[1]) * (DURATION_UNIT_SECONDS[match[2] || "s"] ?? 1);
  return seconds > 0 && Number.isSafeInteger(seconds) ? seconds : null;
}

/**
 * Where a value holds U+0000 (in a string or an object key), as a path; null when nowhere.
 * PostgreSQL text and jsonb cannot hold it, so no parameter or body may carry it to the store.
 */
export function findNul(value: unknown): (string | number)[] | null {
  // Iterative: a hostile JSON value may be nested deeper than the call stack allows.
  const pending: [unknown, (string | number)[]][] = [[value, []]];
  for (let next = pending.pop(); next; next = pending.pop()) {
    const [item, path] = next;
    if (typeof item === "string") {
      if (item.includes("\u0000")) return path;
    } else if (Array.isArray(item)) {
      item.forEach((element, i) => pending.push([element, [...path, i]]));
    } else if (item !== null && typeof item === "object") {
      for (const [key, element] of Object.entries(item)) {
        if (key.includes("\u0000")) return path;
        pending.push([element, [...path, key]]);
      }
    }
  }
  return null;
}

/**
 * How deep JSON may nest in a parameter or a body. Validating and serialising JSON recurses
 * (zod's z.json() overflows the call stack near 2,000 levels, JSON.stringify near 5,000), so
 * depth is measured first, without recursion, and refused with a name instead of a crash.
 */
export const MAX_JSON_DEPTH = 256;

/** Nesting depth of a JSON value (a scalar is 0, `[1]` is 1), counted without recursion. */
export function jsonDepth(value: unknown): number {
  let deepest = 0;
  const pending: [unknown, number][] = [[value, 0]];
  for (let next = pending.pop(); next; next = pending.pop()) {
    const [item, depth] = next;
    deepest = Math.max(deepest, depth);
    if (item !== null && typeof item === "object") for (const element of Object.values(item)) pending.push([element, depth + 1]);
  }
  return deepest;
}

/**
 * `key=value` split at the first `=` (values may contain `=`, keys may not). The key must not
 * be empty; the value may be (it then matches an empty string attribute).
 */
export function parseKeyValue(text: string): { key: string; value: string } | null {
  const at = text.indexOf("=");
  if (at <= 0) return null;
  const key = text.slice(0, at).trim();
  return key ? { key, value: text.slice(at + 1) } : null;
}

/** The OTLP severity number each level starts at (TRACE 1-4, DEBUG 5-8, ... FATAL 21-24). */
export const SEVERITY_LEVELS = { TRACE: 1, DEBUG: 5, INFO: 9, WARN: 13, ERROR: 17, FATAL: 21 } as const;
const SEVERITY_ALIASES: Record<string, number> = { ...SEVERITY_LEVELS, WARNING: 13, CRITICAL: 21 };

/** A minimum severity given as an OTLP number (1-24) or a level name (`WARN`, `error`). */
export function parseSeverity(text: string): number | null {
  const trimmed = text.trim();
  if (/^\d{1,2}$/.test(trimmed)) {
    const n = Number(trimmed);
    return n >= 1 && n <= 24 ? n : null;
  }
  return SEVERITY_ALIASES[trimmed.toUpperCase()] ?? null;
}
