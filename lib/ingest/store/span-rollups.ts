import { addToHistogram } from "@/lib/rollup/latency-buckets";
import { HOUR_MS } from "@/lib/rollup/rollup-source";
import { FIELD_LIMITS } from "../field-limits";
import type { SpanRecord } from "../otlp/model";

export interface RollupRow {
  /** Start of the row's minute (span_rollups_1m) or hour (span_rollups_1h). */
  startMs: number;
  serviceName: string;
  operation: string;
  kind: number;
  count: number;
  errors: number;
  timeouts: number;
  durationSumNs: bigint;
  durationMaxNs: bigint;
  histogram: number[];
}

/**
 * Folds spans into per-minute rows keyed by service, operation and kind, sorted by key so that
 * concurrent writers upsert shared rows in the same order (no deadlocks between them).
 */
export function buildSpanRollups(spans: SpanRecord[], isTimeout: (span: SpanRecord) => boolean): RollupRow[] {
  const rows = new Map<string, RollupRow>();
  for (const span of spans) {
    const minuteMs = Math.floor(Number(span.startTimeUnixNano / 1_000_000n) / 60_000) * 60_000;
    const key = `${minuteMs}\u0000${span.serviceName}\u0000${span.name}\u0000${span.kind}`;
    let row = rows.get(key);
    if (!row) {
      row = { startMs: minuteMs, serviceName: span.serviceName, operation: span.name, kind: span.kind, count: 0, errors: 0, timeouts: 0, durationSumNs: 0n, durationMaxNs: 0n, histogram: [] };
      rows.set(key, row);
    }
    const durationNs = span.endTimeUnixNano - span.startTimeUnixNano;
    row.count++;
    if (span.status.code === 2) row.errors++;
    if (isTimeout(span)) row.timeouts++;
    // Saturates rather than overflow bigint: a dozen spans of the 26 years the time window
    // allows, in one minute, would otherwise fail every batch that touches this row.
    row.durationSumNs = min(row.durationSumNs + durationNs, FIELD_LIMITS.maxInt64);
    if (durationNs > row.durationMaxNs) row.durationMaxNs = durationNs;
    addToHistogram(row.histogram, Number(durationNs));
  }
  return [...rows.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, row]) => row);
}

/**
 * The same rows per hour (span_rollups_1h), sorted the same way. The hour rows are folded from
 * the minute rows of the same spans, so an hour always equals the sum of its minutes.
 */
export function foldRollupsToHours(minutes: readonly RollupRow[]): RollupRow[] {
  const rows = new Map<string, RollupRow>();
  for (const minute of minutes) {
    const startMs = Math.floor(minute.startMs / HOUR_MS) * HOUR_MS;
    const key = `${startMs}\u0000${minute.serviceName}\u0000${minute.operation}\u0000${minute.kind}`;
    const row = rows.get(key);
    if (!row) {
      rows.set(key, { ...minute, startMs, histogram: [...minute.histogram] });
      continue;
    }
    row.count += minute.count;
    row.errors += minute.errors;
    row.timeouts += minute.timeouts;
    row.durationSumNs = min(row.durationSumNs + minute.durationSumNs, FIELD_LIMITS.maxInt64);
    if (minute.durationMaxNs > row.durationMaxNs) row.durationMaxNs = minute.durationMaxNs;
    minute.histogram.forEach((count, i) => (row.histogram[i] = (row.histogram[i] ?? 0) + count));
  }
  return [...rows.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, row]) => row);
}

const min = (a: bigint, b: bigint) => (a < b ? a : b);
