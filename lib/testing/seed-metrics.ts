import type pg from "pg";
import type { AggregationTemporalityNumber, Attributes, HistogramPointRecord, MetricPointRecord, NumberPointRecord, SummaryPointRecord } from "@/lib/ingest/otlp/model";
import { storeMetrics } from "@/lib/ingest/store/store-metrics";
import { makeResource, makeScope, msToNs } from "./seed-telemetry";

// Metric points as an OpenTelemetry SDK exports them, for integration tests; stored through
// the real writer. Each builder takes the series identity once and one entry per export.

interface SeriesIdentity {
  name: string;
  service: string;
  attributes?: Attributes;
  unit?: string;
  description?: string;
  /** Unix ms the (cumulative) series started; unset (0) when omitted. */
  startMs?: number;
}

function base(identity: SeriesIdentity, timeMs: number, temporality: AggregationTemporalityNumber, isMonotonic: boolean) {
  return {
    name: identity.name,
    description: identity.description ?? "",
    unit: identity.unit ?? "",
    aggregationTemporality: temporality,
    isMonotonic,
    metadata: {},
    attributes: identity.attributes ?? {},
    resource: makeResource(identity.service),
    scope: makeScope("@opentelemetry/sdk-metrics", "2.0.0"),
    serviceName: identity.service,
    startTimeUnixNano: identity.startMs === undefined ? 0n : msToNs(identity.startMs),
    timeUnixNano: msToNs(timeMs),
    flags: 0,
    exemplars: [],
  };
}

export function gaugePoints(identity: SeriesIdentity, samples: [timeMs: number, value: number][]): NumberPointRecord[] {
  return samples.map(([timeMs, value]) => ({ ...base(identity, timeMs, 0, false), type: "gauge", value }));
}

/** A monotonic sum; cumulative totals by default, per-export increments with `delta`. */
export function counterPoints(identity: SeriesIdentity, samples: [timeMs: number, value: number][], temporality: "cumulative" | "delta" = "cumulative"): NumberPointRecord[] {
  return samples.map(([timeMs, value]) => ({ ...base(identity, timeMs, temporality === "delta" ? 1 : 2, true), type: "sum", value }));
}

export function histogramPoints(
  identity: SeriesIdentity,
  bounds: number[],
  samples: [timeMs: number, bucketCounts: number[], sum: number][],
  temporality: "cumulative" | "delta" = "cumulative",
): HistogramPointRecord[] {
  return samples.map(([timeMs, bucketCounts, sum]) => ({
    ...base(identity, timeMs, temporality === "delta" ? 1 : 2, false),
    type: "histogram",
    count: bucketCounts.reduce((a, b) => a + b, 0),
    sum,
    min: null,
    max: null,
    bucketCounts,
    explicitBounds: bounds,
  }));
}

export function summaryPoints(identity: SeriesIdentity, samples: [timeMs: number, count: number, sum: number, quantiles: [number, number][]][]): SummaryPointRecord[] {
  return samples.map(([timeMs, count, sum, quantiles]) => ({
    ...base(identity, timeMs, 0, false),
    type: "summary",
    count,
    sum,
    quantileValues: quantiles.map(([quantile, value]) => ({ quantile, value })),
  }));
}

export async function seedMetrics(pool: pg.Pool, points: MetricPointRecord[]): Promise<void> {
  await storeMetrics(pool, points);
}
