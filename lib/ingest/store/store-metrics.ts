import type pg from "pg";
import { pgJson } from "./pg-safe";
import { utcDay } from "@/lib/utc-day";
import type { TelemetryTable } from "@/lib/db/telemetry-tables";
import { withTransaction } from "@/lib/db/with-transaction";
import { METRIC_SAMPLE_TABLES, SAMPLED_POINT_COLUMNS, upsertSamplesSql } from "@/lib/query/metric-sample-tables";
import type { MetricPointRecord } from "../otlp/model";
import { rememberSeries, seriesId, seriesRows, upsertSeriesRows } from "./metric-series";
import { rememberResources, upsertResources } from "./upsert-resources";

// Writes one OTLP metrics request in one transaction: series (a metric's name, type and label
// set on one resource) are upserted, then every data point is one row keyed by (series, time),
// so a retried request stores each point once. Exemplars keep their trace and span ids: that is
// how a point on a chart links to the request behind it. The last point of each series per 5
// minutes and per hour is kept apart as well (metric_points_5m, _1h), for charts of long windows.
// This is the path of the event loop; store-prepared-metrics.ts writes the same rows from COPY
// text an ingest worker built, with the same series upsert (metric-series.ts).

/** The points' days: the partitions of metric_points and its sample tables the write needs. */
export function metricPartitions(days: Set<string>): [TelemetryTable, Set<string>][] {
  return [["metric_points", days], ...METRIC_SAMPLE_TABLES.map(({ table }): [TelemetryTable, Set<string>] => [table, days])];
}

export async function storeMetrics(pool: pg.Pool, points: MetricPointRecord[]): Promise<{ inserted: number; duplicates: number }> {
  if (points.length === 0) return { inserted: 0, duplicates: 0 };
  const days = new Set(points.map((p) => utcDay(Number(p.timeUnixNano / 1_000_000n))));
  const ids = points.map(seriesId);
  const result = await withTransaction(pool, async (client) => {
    const resourceIds = await upsertResources(client, points);
    const touched = await upsertSeriesRows(client, seriesRows(points, ids));
    const inserted = await insertPoints(client, points, ids);
    return { inserted, resourceIds: resourceIds.values(), touched };
  }, { partitions: metricPartitions(days) });
  rememberResources(result.resourceIds);
  rememberSeries(result.touched);
  return { inserted: result.inserted, duplicates: points.length - result.inserted };
}

async function insertPoints(client: pg.ClientBase, points: MetricPointRecord[], ids: string[]): Promise<number> {
  const pick = <T>(f: (p: MetricPointRecord) => T) => points.map(f);
  // The points new to the store also refresh their series' samples (lib/query/metric-sample-tables.ts):
  // the latest point of a bucket wins, whichever request brought it.
  const { rows } = await client.query<{ inserted: number }>(
    `WITH inserted AS (
       INSERT INTO metric_points (time, series_id, time_ns, start_time_ns, value, count, sum, min, max, bucket_counts, explicit_bounds,
                                  exp_histogram, quantiles, exemplars, flags)
       SELECT 'epoch'::timestamptz + (u.time_ns / 1000) * interval '1 microsecond', u.series_id, u.time_ns, nullif(u.start_ns, 0),
              u.value, u.count, u.sum, u.min, u.max, u.buckets::bigint[], u.bounds::double precision[], u.exp, u.quantiles, u.exemplars, u.flags
         FROM unnest($1::bigint[], $2::bigint[], $3::bigint[], $4::float8[], $5::bigint[], $6::float8[], $7::float8[], $8::float8[],
                     $9::text[], $10::text[], $11::jsonb[], $12::jsonb[], $13::jsonb[], $14::int[])
           AS u(time_ns, series_id, start_ns, value, count, sum, min, max, buckets, bounds, exp, quantiles, exemplars, flags)
       ON CONFLICT (series_id, time) DO NOTHING
       RETURNING time, series_id, ${SAMPLED_POINT_COLUMNS}
     )${METRIC_SAMPLE_TABLES.map((level, i) => `, sampled_${i} AS (${upsertSamplesSql(level, "inserted")})`).join("")}
     SELECT count(*)::int AS inserted FROM inserted`,
    [
      pick((p) => p.timeUnixNano.toString()),
      ids,
      pick((p) => p.startTimeUnixNano.toString()),
      pick((p) => (p.type === "gauge" || p.type === "sum" ? p.value : null)),
      pick((p) => ("count" in p ? p.count : null)),
      pick((p) => ("sum" in p ? p.sum : null)),
      pick((p) => (p.type === "histogram" || p.type === "exponential_histogram" ? p.min : null)),
      pick((p) => (p.type === "histogram" || p.type === "exponential_histogram" ? p.max : null)),
      // 2-D arrays cannot be unnested row by row, so bucket arrays travel as their text form.
      pick((p) => (p.type === "histogram" ? `{${p.bucketCounts.join(",")}}` : null)),
      pick((p) => (p.type === "histogram" ? `{${p.explicitBounds.join(",")}}` : null)),
      pick((p) =>
        p.type === "exponential_histogram"
          ? pgJson({ scale: p.scale, zeroCount: p.zeroCount, zeroThreshold: p.zeroThreshold, positive: p.positive, negative: p.negative })
          : null,
      ),
      pick((p) => (p.type === "summary" ? pgJson(p.quantileValues) : null)),
      pick((p) => (p.exemplars.length ? pgJson(p.exemplars, (_k, v: unknown) => (typeof v === "bigint" ? v.toString() : v)) : null)),
      pick((p) => p.flags),
    ],
  );
  return rows[0]?.inserted ?? 0;
}
