import { utcDay } from "@/lib/utc-day";
import { decodeMetrics } from "../otlp/decode-metrics";
import type { MetricPointRecord, OtlpEncoding } from "../otlp/model";
import { pgJson } from "./pg-safe";
import { copyText, microsToTimestamp } from "./span-copy-rows";
import { type SeriesRow, seriesId, seriesRows } from "./metric-series";
import { resourceRowsOf, type ResourceRow } from "./upsert-resources";

// Everything storeMetrics computes before it talks to the database, done ahead of time (in an
// ingest worker thread, lib/ingest/worker/): decode and validate the body, hash the series ids,
// and build the COPY text of the data points plus the small lists of series and resources. The
// event loop then only streams it in (store-prepared-metrics.ts). The points' text must hold
// exactly the values storeMetrics' INSERT would write: ingest-worker-pool.int.test.ts compares both.

export interface PreparedMetrics {
  /** Data points refused (OTLP partial success) and why (the first few reasons). */
  rejected: number;
  errors: string[];
  /** Data points accepted, one line each in `pointRows`. */
  pointCount: number;
  /** UTC days of the points: the partitions of metric_points and its sample tables the write needs. */
  days: string[];
  /** COPY text (UTF-8) of the points, columns METRIC_POINT_COPY_COLUMNS. */
  pointRows: Uint8Array;
  /** Every series of the request once; the store upserts those it has not seen lately. */
  series: SeriesRow[];
  resources: ResourceRow[];
}

export const METRIC_POINT_COPY_COLUMNS =
  "time, series_id, time_ns, start_time_ns, value, count, sum, min, max, bucket_counts, explicit_bounds, exp_histogram, quantiles, exemplars, flags";

const NULL = "\\N";
const utf8 = new TextEncoder();

export function prepareMetrics(body: Uint8Array, encoding: OtlpEncoding, now: Date): PreparedMetrics {
  const decoded = decodeMetrics(body, encoding, { now });
  return { rejected: decoded.rejected, errors: decoded.errors, ...prepareMetricPoints(decoded.records) };
}

/** The rows of already decoded points (exported for the comparison test). */
export function prepareMetricPoints(points: MetricPointRecord[]): Omit<PreparedMetrics, "rejected" | "errors"> {
  const ids = points.map(seriesId);
  return {
    pointCount: points.length,
    days: [...new Set(points.map((p) => utcDay(Number(p.timeUnixNano / 1_000_000n))))],
    pointRows: utf8.encode(metricPointCopyRows(points, ids)),
    series: seriesRows(points, ids),
    resources: resourceRowsOf(points),
  };
}

const number = (value: number | null) => (value === null ? NULL : String(value));
const json = (value: string | null) => (value === null ? NULL : copyText(value));
const bigintsAsText = (_key: string, value: unknown) => (typeof value === "bigint" ? value.toString() : value);

/** The points in COPY text; each value is the text storeMetrics' INSERT casts, so both store the same. */
export function metricPointCopyRows(points: MetricPointRecord[], ids: string[]): string {
  let out = "";
  points.forEach((p, i) => {
    out +=
      [
        microsToTimestamp(p.timeUnixNano / 1000n),
        ids[i],
        p.timeUnixNano,
        p.startTimeUnixNano === 0n ? NULL : p.startTimeUnixNano,
        number(p.type === "gauge" || p.type === "sum" ? p.value : null),
        number("count" in p ? p.count : null),
        number("sum" in p ? p.sum : null),
        number(p.type === "histogram" || p.type === "exponential_histogram" ? p.min : null),
        number(p.type === "histogram" || p.type === "exponential_histogram" ? p.max : null),
        p.type === "histogram" ? `{${p.bucketCounts.join(",")}}` : NULL,
        p.type === "histogram" ? `{${p.explicitBounds.join(",")}}` : NULL,
        json(
          p.type === "exponential_histogram"
            ? pgJson({ scale: p.scale, zeroCount: p.zeroCount, zeroThreshold: p.zeroThreshold, positive: p.positive, negative: p.negative })
            : null,
        ),
        json(p.type === "summary" ? pgJson(p.quantileValues) : null),
        json(p.exemplars.length ? pgJson(p.exemplars, bigintsAsText) : null),
        p.flags,
      ].join("\t") + "\n";
  });
  return out;
}
