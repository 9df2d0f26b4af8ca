import type pg from "pg";
import { queryMetricSeries } from "@/lib/query/query-metric-series";
import type { MetricQueryResponse } from "@/lib/schemas/metrics";
import type { DbPool, ServiceDbPoolResponse } from "./schemas";

// GET /api/v1/services/{service}/db-pool: the service's database connection pools from the
// OpenTelemetry `db.client.connection.*` metrics, through the metric query code every chart
// uses: connections in use and idle, the pool's maximum, requests waiting, and the p95 wait.

type Queryable = Pick<pg.Pool, "query">;

const POOL = "db.client.connection.pool.name";
const STATE = "db.client.connection.state";

export async function getServiceDbPool(db: Queryable, input: { service: string; fromMs: number; toMs: number }): Promise<ServiceDbPoolResponse> {
  const base = { fromMs: input.fromMs, toMs: input.toMs, filter: [{ key: "service.name", value: input.service }] };
  const [count, max, pending, wait] = await Promise.all([
    queryMetricSeries(db, { ...base, name: "db.client.connection.count", agg: "max", groupBy: [POOL, STATE] }),
    queryMetricSeries(db, { ...base, name: "db.client.connection.max", agg: "max", groupBy: [POOL] }),
    queryMetricSeries(db, { ...base, name: "db.client.connection.pending_requests", agg: "max", groupBy: [POOL] }),
    queryMetricSeries(db, { ...base, name: "db.client.connection.wait_time", agg: "p95", groupBy: [POOL] }),
  ]);
  const pools = new Map<string, DbPool>();
  const poolOf = (name: string) => {
    let pool = pools.get(name);
    if (!pool) pools.set(name, (pool = { pool: name, used: [], idle: [], max: [], pending: [], waitP95Ms: [], latest: { used: null, idle: null, max: null, pending: null, waitP95Ms: null } }));
    return pool;
  };
  const put = (response: MetricQueryResponse, field: "used" | "idle" | "max" | "pending" | "waitP95Ms", keep: (labels: Record<string, string>) => boolean, scale = 1) => {
    for (const series of response.series) {
      if (!keep(series.labels)) continue;
      const pool = poolOf(series.labels[POOL] ?? "");
      pool[field] = series.points.map(([time, value]) => [time, value * scale]);
      pool.latest[field] = pool[field].at(-1)?.[1] ?? null;
    }
  };
  put(count, "used", (labels) => labels[STATE] === "used");
  put(count, "idle", (labels) => labels[STATE] === "idle");
  put(max, "max", () => true);
  put(pending, "pending", () => true);
  // OpenTelemetry records the wait in seconds; the charts speak milliseconds.
  put(wait, "waitP95Ms", () => true, wait.unit === "s" ? 1_000 : 1);
  return { step: count.step, pools: [...pools.values()].sort((a, b) => a.pool.localeCompare(b.pool)) };
}
