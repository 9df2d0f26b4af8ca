import type { SqlParams } from "./sql-params";

// The span-level conditions of a trace search, as SQL over `spans` (aliased `s`). Every value
// travels as a parameter; the text is assembled from fixed fragments only. A trace matches when
// one of its spans satisfies all conditions at once (Jaeger's semantics), so they are ANDed on
// the same row.

export interface SpanMatchFilters {
  fromMs: number;
  toMs: number;
  service?: string | undefined;
  operation?: string | undefined;
  minDurationMs?: number | undefined;
  maxDurationMs?: number | undefined;
  status?: "error" | "ok" | "unset" | "any" | undefined;
  timeout?: boolean | undefined;
  attr?: { key: string; value: string }[] | undefined;
  attrExists?: string[] | undefined;
  /** Lower-case hex trace ids: only spans of these traces. */
  traceId?: string[] | undefined;
}

const STATUS_CODES = { unset: 0, ok: 1, error: 2 } as const;
// What PostgreSQL's numeric input accepts and JSON numbers can be: a value that is not a number
// cannot equal a number attribute, so it is not sent as one (the cast would fail).
const NUMBER_PATTERN = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
// Far beyond any double (exponents -324..308, 17 significant digits), far within numeric's
// input limits (131,072 digits before the point, 16,383 after).
const MAX_EXPONENT = 1_000;
const MAX_NUMBER_TEXT = 1_000;

export function buildSpanMatchConditions(filters: SpanMatchFilters, params: SqlParams): string[] {
  const conditions = [
    // Partition pruning and the (service_name, start_time) index both key on start_time.
    `s.start_time >= ${params.add(new Date(filters.fromMs).toISOString(), "timestamptz")}`,
    `s.start_time < ${params.add(new Date(filters.toMs).toISOString(), "timestamptz")}`,
  ];
  if (filters.service !== undefined) conditions.push(`s.service_name = ${params.add(filters.service, "text")}`);
  if (filters.operation !== undefined) conditions.push(`s.name = ${params.add(filters.operation, "text")}`);
  if (filters.minDurationMs !== undefined) conditions.push(`s.duration_ns >= ${params.add(msToNs(filters.minDurationMs, Math.ceil), "bigint")}`);
  if (filters.maxDurationMs !== undefined) conditions.push(`s.duration_ns <= ${params.add(msToNs(filters.maxDurationMs, Math.floor), "bigint")}`);
  if (filters.status && filters.status !== "any") conditions.push(`s.status_code = ${params.add(STATUS_CODES[filters.status], "smallint")}`);
  if (filters.timeout !== undefined) conditions.push(filters.timeout ? "s.is_timeout" : "NOT s.is_timeout");
  for (const { key, value } of filters.attr ?? []) conditions.push(attributeEquals(key, value, params));
  for (const key of filters.attrExists ?? []) {
    const k = params.add(key, "text");
    conditions.push(`(s.attributes ? ${k} OR s.resource_id IN (SELECT r.id FROM resources r WHERE r.attributes ? ${k}))`);
  }
  if (filters.traceId?.length) {
    conditions.push(`s.trace_id = ANY(ARRAY(SELECT decode(id, 'hex') FROM unnest(${params.add(filters.traceId, "text[]")}) AS id))`);
  }
  return conditions;
}

/**
 * A span or resource attribute equal to `value`: a string attribute by exact text, a number
 * by numeric value (`200` matches 200 and 200.0), a boolean by `true`/`false` in any case.
 * The CASE fixes the evaluation order, so the numeric cast only ever sees a JSON number.
 */
function attributeEquals(key: string, value: string, params: SqlParams): string {
  const k = params.add(key, "text");
  const text = params.add(value, "text");
  const number = params.add(numericText(value), "numeric");
  const bool = params.add(/^(true|false)$/i.test(value) ? value.toLowerCase() : null, "text");
  const test = (attrs: string) =>
    `CASE jsonb_typeof(${attrs} -> ${k}) WHEN 'string' THEN ${attrs} ->> ${k} = ${text} ` +
    `WHEN 'number' THEN (${attrs} ->> ${k})::numeric = ${number} ` +
    `WHEN 'boolean' THEN ${attrs} ->> ${k} = ${bool} ELSE false END`;
  return `(${test("s.attributes")} OR s.resource_id IN (SELECT r.id FROM resources r WHERE ${test("r.attributes")}))`;
}

/**
 * The value as numeric text when a stored number attribute could equal it, else null. Stored
 * numbers are JSON doubles (or int64s, inside a double's range), so text beyond a double's
 * range (1e999, 1e-999) equals none of them; and PostgreSQL's numeric refuses long exponents
 * outright (`0e-999999` overflows), so those never reach the cast.
 */
function numericText(value: string): string | null {
  const trimmed = value.trim();
  if (!NUMBER_PATTERN.test(trimmed) || trimmed.length > MAX_NUMBER_TEXT) return null;
  const [mantissa = "", exponent = "0"] = trimmed.split(/e/i);
  const number = Number(trimmed);
  const underflows = number === 0 && /[1-9]/.test(mantissa);
  return Number.isFinite(number) && !underflows && Math.abs(Number(exponent)) <= MAX_EXPONENT ? trimmed : null;
}

/** Milliseconds (possibly fractional) to whole nanoseconds as a decimal string. */
function msToNs(ms: number, round: (x: number) => number): string {
  return BigInt(round(ms * 1_000_000)).toString();
}
