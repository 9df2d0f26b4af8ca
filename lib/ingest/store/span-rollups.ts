import { addToHistogram } from "@/lib/rollup/latency-buckets";
import { FIELD_LIMITS } from "../field-limits";
import type { SpanRecord } from "../otlp/model";

export interface RollupRow {
  minuteMs: number;
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
      row = { minuteMs, serviceName: span.serviceName, operation: span.name, kind: span.kind, count: 0, errors: 0, timeouts: 0, durationSumNs: 0n, durationMaxNs: 0n, histogram: [] };
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

const min = (a: bigint, b: bigint) => (a < b ? a : b);
