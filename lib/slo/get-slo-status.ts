import type pg from "pg";
import { SqlParams } from "@/lib/query/sql-params";
import { HOUR_MS, MINUTE_MS, rollupSource } from "@/lib/rollup/rollup-source";
import { BURN_RATE_ALERTS, burnRate } from "./burn-rate";
import { buildSloSeries, sloBucketMs } from "./build-slo-series";
import { getSlo } from "./get-slo";
import { badExpression, sloConditions, type SloScope } from "./slo-filter";
import { DAY_MS } from "./slo-json";
import type { SloStatus } from "./schemas";

// GET /api/v1/slos/{id}/status: the SLO, its counts, burn and budget curves over the chart's
// window (default: its own window ending now), the operations eating the budget, and the burn
// rates over the alert windows now. Three statements over the rollups, run side by side.

type Queryable = Pick<pg.Pool, "query">;

/** Every alert window, long and short, once, shortest first. */
const ALERT_WINDOWS = [...new Set(BURN_RATE_ALERTS.flatMap((a) => [a.shortWindowSeconds, a.longWindowSeconds]))].sort((a, b) => a - b);
const WORST_OPERATIONS = 10;

export async function getSloStatus(db: pg.Pool, id: string, window: { from?: number | undefined; to?: number | undefined }, nowMs = Date.now()): Promise<SloStatus> {
  const slo = await getSlo(db, id, nowMs);
  const toMs = window.to ?? (window.from !== undefined ? Math.min(nowMs, window.from + slo.windowDays * DAY_MS) : nowMs);
  const fromMs = window.from ?? toMs - slo.windowDays * DAY_MS;
  const scope: SloScope = { service: slo.service, operation: slo.operation, objective: slo.objective };
  const bucketMs = sloBucketMs(toMs - fromMs);
  const firstMs = Math.floor(fromMs / bucketMs) * bucketMs;
  const count = Math.ceil((toMs - firstMs) / bucketMs);

  const [buckets, worst, rates] = await Promise.all([
    db.query<{ b: number; bad: number; total: number }>(bucketQuery(scope, fromMs, toMs, firstMs, bucketMs)),
    db.query<{ service: string; operation: string; bad: number; total: number }>(worstQuery(scope, fromMs, toMs)),
    readBurnRates(db, scope, nowMs, slo.targetPercent),
  ]);
  const series = buildSloSeries(buckets.rows, { firstMs, bucketMs, count, targetPercent: slo.targetPercent });
  const worstOperations = worst.rows
    .filter((r) => r.bad > 0)
    .map((r) => ({ service: r.service, operation: r.operation, bad: Math.round(r.bad), total: Math.round(r.total), shareOfBadPercent: series.bad > 0 ? (r.bad / series.bad) * 100 : 0 }));
  return {
    slo,
    totalRequests: Math.round(series.total),
    badRequests: Math.round(series.bad),
    budgetRequests: series.allowed,
    burn: series.burn,
    budget: series.budget,
    bucketMs,
    worstOperations,
    burnRates: rates,
  };
}

function bucketQuery(scope: SloScope, fromMs: number, toMs: number, firstMs: number, bucketMs: number) {
  const params = new SqlParams();
  // Hour rows fit only buckets of whole hours (an hour row cannot be split).
  const source = rollupSource(params, { fromMs, toMs, conditions: sloConditions(params, scope), hours: bucketMs % HOUR_MS === 0 });
  const bucket = `floor((extract(epoch FROM r.t) * 1000 - ${params.add(firstMs, "float8")}) / ${params.add(bucketMs, "float8")})::int`;
  return { text: `SELECT ${bucket} AS b, sum(${badExpression(params, scope.objective)})::float8 AS bad, sum(r.count)::float8 AS total FROM ${source} r GROUP BY 1`, values: params.values };
}

function worstQuery(scope: SloScope, fromMs: number, toMs: number) {
  const params = new SqlParams();
  const source = rollupSource(params, { fromMs, toMs, conditions: sloConditions(params, scope), hours: true });
  const bad = badExpression(params, scope.objective);
  return {
    text: `SELECT r.service_name AS service, r.operation, sum(${bad})::float8 AS bad, sum(r.count)::float8 AS total
             FROM ${source} r GROUP BY 1, 2 ORDER BY 3 DESC, 2 LIMIT ${params.add(WORST_OPERATIONS, "int")}`,
    values: params.values,
  };
}

/** Burn rates over each alert window ending now, in one read of the longest window's minutes. */
async function readBurnRates(db: Queryable, scope: SloScope, nowMs: number, targetPercent: number) {
  const params = new SqlParams();
  const longest = ALERT_WINDOWS.at(-1)! * 1_000;
  const source = rollupSource(params, { fromMs: nowMs - longest, toMs: nowMs, conditions: sloConditions(params, scope), hours: false });
  const bad = badExpression(params, scope.objective);
  const columns = ALERT_WINDOWS.map((seconds, i) => {
    // The minute holding the window's start counts, as readSloCounts counts it.
    const since = params.add(new Date(Math.floor((nowMs - seconds * 1_000) / MINUTE_MS) * MINUTE_MS).toISOString(), "timestamptz");
    return `sum(${bad}) FILTER (WHERE r.t >= ${since})::float8 AS bad${i}, sum(r.count) FILTER (WHERE r.t >= ${since})::float8 AS total${i}`;
  });
  const { rows } = await db.query<Record<string, number | null>>(`SELECT ${columns.join(", ")} FROM ${source} r`, params.values);
  const row = rows[0] ?? {};
  return ALERT_WINDOWS.map((windowSeconds, i) => ({ windowSeconds, burnRate: burnRate(row[`bad${i}`] ?? 0, row[`total${i}`] ?? 0, targetPercent) }));
}
