import type pg from "pg";
import { withTransaction } from "@/lib/db/with-transaction";
import { METRIC_SAMPLE_TABLES, SAMPLED_POINT_COLUMNS, upsertSamplesSql } from "@/lib/query/metric-sample-tables";
import { copyRows } from "./copy-rows";
import { rememberSeries, upsertSeriesRows } from "./metric-series";
import { METRIC_POINT_COPY_COLUMNS, type PreparedMetrics } from "./prepare-metrics";
import { metricPartitions } from "./store-metrics";
import { rememberResources, upsertResourceRows } from "./upsert-resources";

// Writes metrics prepared ahead (prepare-metrics.ts, in an ingest worker) in one transaction,
// the same rows in the same order as storeMetrics: resources, series, then the points. The
// points are COPied into a temporary table and moved from there by the same INSERT … ON
// CONFLICT DO NOTHING that storeMetrics runs over unnest() arrays, so the database still decides
// which points are new (a retried request, a point repeated within one) and only those refresh
// the 5-minute and hour samples: no fallback to the event loop's path is needed. The temporary
// table is made once per connection and emptied at every commit (ON COMMIT DELETE ROWS).

const STAGING = "metric_points_in";

/** Connections whose session already holds the staging table (marked only once its creation committed). */
const staged = new WeakSet<pg.ClientBase>();

const INSERT_FROM_STAGING = `WITH inserted AS (
       INSERT INTO metric_points (${METRIC_POINT_COPY_COLUMNS})
       SELECT ${METRIC_POINT_COPY_COLUMNS} FROM ${STAGING}
       ON CONFLICT (series_id, time) DO NOTHING
       RETURNING time, series_id, ${SAMPLED_POINT_COLUMNS}
     )${METRIC_SAMPLE_TABLES.map((level, i) => `, sampled_${i} AS (${upsertSamplesSql(level, "inserted")})`).join("")}
     SELECT count(*)::int AS inserted FROM inserted`;

export async function storePreparedMetrics(pool: pg.Pool, prepared: PreparedMetrics): Promise<{ inserted: number; duplicates: number }> {
  if (prepared.pointCount === 0) return { inserted: 0, duplicates: 0 };
  let connection: pg.PoolClient | undefined;
  const result = await withTransaction(
    pool,
    async (client) => {
      connection = client;
      await upsertResourceRows(client, prepared.resources);
      const touched = await upsertSeriesRows(client, prepared.series);
      if (!staged.has(client)) await client.query(`CREATE TEMPORARY TABLE IF NOT EXISTS ${STAGING} (LIKE metric_points) ON COMMIT DELETE ROWS`);
      await copyRows(client, `COPY ${STAGING} (${METRIC_POINT_COPY_COLUMNS}) FROM STDIN`, prepared.pointRows);
      const { rows } = await client.query<{ inserted: number }>(INSERT_FROM_STAGING);
      return { inserted: rows[0]?.inserted ?? 0, touched };
    },
    { partitions: metricPartitions(new Set(prepared.days)) },
  );
  if (connection) staged.add(connection);
  rememberResources(prepared.resources.map((r) => r.id));
  rememberSeries(result.touched);
  return { inserted: result.inserted, duplicates: prepared.pointCount - result.inserted };
}
