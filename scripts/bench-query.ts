import os from "node:os";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import type pg from "pg";
import { utcDay } from "@/lib/utc-day";
import { telemetryTableNames } from "@/lib/db/telemetry-tables";
import { getRedSeries } from "@/lib/query/get-red-series";
import { getTrace } from "@/lib/query/get-trace";
import { listServices } from "@/lib/query/list-services";
import { queryMetricSeries, type MetricSeriesInput } from "@/lib/query/query-metric-series";
import { searchTraces, type TraceSearchInput } from "@/lib/query/search-traces";
import { getServiceDependencies } from "@/lib/services/get-service-dependencies";
import { getServiceErrors } from "@/lib/services/get-service-errors";
import { getServiceHealth } from "@/lib/services/get-service-health";
import { getServiceOperations } from "@/lib/services/get-service-operations";
import { getServiceVersions } from "@/lib/services/get-service-versions";
import { getWorstOperations } from "@/lib/services/get-worst-operations";
import { getJob, listJobs } from "@/lib/jobs/list-jobs";
import { seedBenchJobMetricPoints, seedBenchJobMetricSeries } from "@/lib/testing/seed-bench-job-metrics";
import { BENCH_METRIC_INTERVAL_MS, seedBenchMetricPoints, seedBenchMetricSeries } from "@/lib/testing/seed-bench-metrics";
import { withBenchDatabase } from "./bench/bench-database";
import { inParallel, timeCases, type CaseResult } from "./bench/time-queries";
import { AVERAGE_SPANS_PER_TRACE, seedBenchBigTrace, seedBenchResources, seedBenchRollups, seedBenchTraces } from "@/lib/testing/seed-bench-telemetry";

// `npm run bench:query`: how fast the query API's SQL answers over a realistic store. Starts a
// throwaway embedded PostgreSQL in a temporary directory (the same server and settings as
// `npm start`), generates N spans over D days inside the database plus their rollups and one
// 10,000-span trace, then times the lib/query functions the routes call, one request at a time,
// and prints p50/p95 per query. Metrics: 112 series (histograms, pool gauges, a counter), and 32 of
// 8 batch jobs known only from metrics (seed-bench-job-metrics.ts), each with a
// point every 10 s over the same days. Usage:
//   tsx scripts/bench-query.ts [--spans N] [--days D] [--runs R] [--only TEXT]
// where --only times just the queries whose name contains TEXT (the store is seeded in full), and
// --keep DIR keeps the store in DIR and, when DIR already holds one, times it again unseeded.

const { values: args } = parseArgs({
  options: {
    spans: { type: "string", default: "10000000" },
    days: { type: "string", default: "7" },
    runs: { type: "string", default: "20" },
    "big-trace": { type: "string", default: "10000" },
    only: { type: "string" },
    keep: { type: "string" },
  },
});
const SPANS = Number(args.spans);
const DAYS = Number(args.days);
const RUNS = Math.max(20, Number(args.runs));
const BIG_TRACE_SPANS = Number(args["big-trace"]);
const BIG_TRACE_ID = "b16b16b16b16b16b16b16b16b16b16b1";
const TRACES_PER_CHUNK = 10_000;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

let loadAtStart = "";

const log = (line: string) => console.log(`[bench:query] ${line}`);
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

async function main() {
  await withBenchDatabase({
    prefix: "sightline-bench-",
    log,
    poolMax: 20,
    keep: args.keep,
    seed: async (pool) => {
      const anchorMs = Math.floor(Date.now() / 60_000) * 60_000;
      return { anchorMs, seed: await seedStore(pool, anchorMs) };
    },
    measure: async (pool, { anchorMs, seed }) => {
      loadAtStart = os.loadavg().map((l) => l.toFixed(2)).join(" ");
      const results = await runQueries(pool, anchorMs);
      await printReport(pool, seed, results);
    },
  });
}

interface SeedTimes {
  spans: number;
  traces: number;
  spansMs: number;
  rollupRows: number;
  rollupsMs: number;
  metricSeries: number;
  metricPoints: number;
  metricsMs: number;
  analyzeMs: number;
  bytes: number;
}

async function seedStore(pool: pg.Pool, anchorMs: number): Promise<SeedTimes> {
  const startMs = anchorMs - DAYS * DAY;
  for (let day = startMs - DAY; day <= anchorMs + DAY; day += DAY) {
    for (const table of telemetryTableNames) await pool.query("SELECT sightline_ensure_partition($1, $2::date)", [table, utcDay(day)]);
  }
  await seedBenchResources(pool);

  const traces = Math.max(1, Math.round(SPANS / AVERAGE_SPANS_PER_TRACE));
  const window = { startMs, spacingMs: (DAYS * DAY) / traces };
  log(`seeding ${traces.toLocaleString("en")} traces (~${SPANS.toLocaleString("en")} spans) over ${DAYS} days`);
  let spans = 0;
  const started = performance.now();
  // Two writers: one per core, each on its own slice of traces.
  await inParallel(Math.ceil(traces / TRACES_PER_CHUNK), 2, async (chunk) => {
    const first = chunk * TRACES_PER_CHUNK + 1;
    const inserted = await seedBenchTraces(pool, window, first, Math.min(traces, first + TRACES_PER_CHUNK - 1));
    spans += inserted; // not `spans += await ...`: that reads `spans` before the await and loses the other writer's rows
    if (chunk % 20 === 19) log(`  ${spans.toLocaleString("en")} spans, ${seconds(performance.now() - started)}`);
  });
  await seedBenchBigTrace(pool, BIG_TRACE_ID, BIG_TRACE_SPANS, anchorMs - 2 * HOUR);
  spans += BIG_TRACE_SPANS;
  const spansMs = performance.now() - started;
  log(`${spans.toLocaleString("en")} spans in ${seconds(spansMs)}`);

  const rollupsStarted = performance.now();
  let rollupRows = 0;
  const firstDay = Date.parse(`${utcDay(startMs)}T00:00:00Z`);
  await inParallel(DAYS + 1, 2, async (i) => {
    const rows = await seedBenchRollups(pool, firstDay + i * DAY);
    rollupRows += rows;
  });
  const rollupsMs = performance.now() - rollupsStarted;
  log(`${rollupRows.toLocaleString("en")} rollup rows in ${seconds(rollupsMs)}`);

  const metricsStarted = performance.now();
  const metricSeries = (await seedBenchMetricSeries(pool)) + (await seedBenchJobMetricSeries(pool));
  let metricPoints = 0;
  await inParallel(DAYS, 2, async (i) => {
    const inserted = await seedBenchMetricPoints(pool, startMs, startMs + i * DAY, startMs + (i + 1) * DAY);
    metricPoints += inserted + (await seedBenchJobMetricPoints(pool, startMs, startMs + i * DAY, startMs + (i + 1) * DAY));
  });
  const metricsMs = performance.now() - metricsStarted;
  log(`${metricSeries} metric series, ${metricPoints.toLocaleString("en")} points (one each ${BENCH_METRIC_INTERVAL_MS / 1000} s) in ${seconds(metricsMs)}`);

  // VACUUM as well as ANALYZE: freshly loaded pages would otherwise be vacuumed by autovacuum
  // while the queries are timed, which is not the steady state a running store is in.
  const analyzeStarted = performance.now();
  await pool.query("VACUUM (ANALYZE)");
  const analyzeMs = performance.now() - analyzeStarted;
  const { rows } = await pool.query<{ bytes: string }>("SELECT pg_database_size(current_database()) AS bytes");
  return { spans, traces: traces + 1, spansMs, rollupRows, rollupsMs, metricSeries, metricPoints, metricsMs, analyzeMs, bytes: Number(rows[0]?.bytes ?? 0) };
}

type Result = CaseResult;

async function runQueries(pool: pg.Pool, anchorMs: number): Promise<Result[]> {
  const last = (ms: number) => ({ fromMs: anchorMs - ms, toMs: anchorMs });
  const search = (input: Partial<TraceSearchInput>) => searchTraces(pool, { ...last(HOUR), status: "any", limit: 20, sort: "start", ...input });
  // A user with a trace in the last hour (users repeat every 20,000 traces).
  const { rows } = await pool.query<{ user: string }>(
    "SELECT attributes->>'enduser.id' AS user FROM spans WHERE start_time > $1 AND parent_span_id IS NULL AND attributes ? 'enduser.id' LIMIT 1",
    [new Date(anchorMs - HOUR / 2).toISOString()],
  );
  const user = rows[0]?.user ?? "user-1";
  const metric = async (input: Omit<MetricSeriesInput, "fromMs" | "toMs">, windowMs: number) => {
    const answer = await queryMetricSeries(pool, { ...input, ...last(windowMs) });
    return `${answer.series.length} series × ${Math.max(0, ...answer.series.map((s) => s.points.length))} points (step ${answer.step} s)`;
  };
  const durationP95 = { name: "http.server.request.duration", agg: "p95", groupBy: ["service.name"] } as const;
  const poolInUse = { name: "db.client.connection.count", agg: "avg", filter: [{ key: "db.client.connection.state", value: "used" }], groupBy: ["service.name"] } as const;
  const ordersRate = { name: "shop.orders.created", agg: "rate" } as const;

  const cases: [string, () => Promise<string>][] = [
    ["RED checkout, 24 h (5 min step)", async () => `${(await getRedSeries(pool, { service: "checkout", ...last(DAY) })).points.length} points`],
    ["RED checkout, 7 d (1 h step)", async () => `${(await getRedSeries(pool, { service: "checkout", ...last(7 * DAY) })).points.length} points`],
    ["RED frontend POST /api/checkout, 7 d", async () => `${(await getRedSeries(pool, { service: "frontend", operation: "POST /api/checkout", ...last(7 * DAY) })).points.length} points`],
    ["search service=payment minDuration=500ms, 1 h", async () => `${(await search({ service: "payment", minDurationMs: 500 })).traces.length} traces`],
    ["search service=payment minDuration=500ms, 24 h", async () => `${(await search({ service: "payment", minDurationMs: 500, ...last(DAY) })).traces.length} traces`],
    ["search service=payment status=error sort=duration, 24 h", async () => `${(await search({ service: "payment", status: "error", sort: "duration", ...last(DAY) })).traces.length} traces`],
    [`search attr enduser.id=${user}, 1 h`, async () => `${(await search({ attr: [{ key: "enduser.id", value: user }] })).traces.length} traces`],
    [`search attr enduser.id=${user} + service=frontend, 24 h`, async () => `${(await search({ service: "frontend", attr: [{ key: "enduser.id", value: user }], ...last(DAY) })).traces.length} traces`],
    ["search attr http.response.status_code=504, 1 h", async () => `${(await search({ attr: [{ key: "http.response.status_code", value: "504" }] })).traces.length} traces`],
    ["services, 24 h", async () => `${(await listServices(pool, last(DAY))).services.length} services`],
    ...[DAY, 7 * DAY].flatMap((window): [string, () => Promise<string>][] => {
      const label = window === DAY ? "24 h" : "7 d";
      const checkout = { service: "checkout", ...last(window) };
      return [
        [`service health list, ${label}`, async () => `${(await getServiceHealth(pool, last(window))).services.length} services`],
        [`service operations checkout, ${label}`, async () => `${(await getServiceOperations(pool, checkout)).operations.length} operations`],
        [`service dependencies checkout, ${label}`, async () => `${(await getServiceDependencies(pool, checkout)).downstream.length} downstream`],
        [`service errors checkout, ${label}`, async () => `${(await getServiceErrors(pool, checkout)).errors.length} groups`],
        [`service versions checkout, ${label}`, async () => `${(await getServiceVersions(pool, checkout)).versions.length} versions`],
      ];
    }),
    ["worst operations, 15 min", async () => `${(await getWorstOperations(pool, { ...last(15 * 60_000), limit: 5 })).slowest.length} slowest`],
    ["metric p95 request duration by service, 24 h", () => metric({ ...durationP95, groupBy: [...durationP95.groupBy] }, DAY)],
    ["metric p95 request duration by service, 7 d", () => metric({ ...durationP95, groupBy: [...durationP95.groupBy] }, 7 * DAY)],
    ["metric pool in use (avg) by service, 7 d", () => metric({ ...poolInUse, filter: [...poolInUse.filter], groupBy: [...poolInUse.groupBy] }, 7 * DAY)],
    ["metric orders rate, 7 d", () => metric(ordersRate, 7 * DAY)],
    ["jobs list (8 metrics-only jobs), 24 h", async () => {
      const { jobs } = await listJobs(pool, { from: anchorMs - DAY, to: anchorMs }, anchorMs);
      return `${jobs.length} jobs, ${jobs.reduce((n, job) => n + job.runs, 0)} runs`;
    }],
    ["jobs detail checkout-sweep (metrics-only), 24 h", async () => `${(await getJob(pool, "checkout", "checkout-sweep", { from: anchorMs - DAY, to: anchorMs, limit: 200 }, anchorMs)).job.runs} runs`],
    [
      `trace of ${BIG_TRACE_SPANS.toLocaleString("en")} spans (+ JSON.stringify)`,
      async () => {
        const trace = await getTrace(pool, BIG_TRACE_ID);
        return `${trace?.spans.length ?? 0} spans, ${(JSON.stringify(trace).length / 1e6).toFixed(1)} MB JSON`;
      },
    ],
  ];

  const chosen = cases.filter(([name]) => args.only === undefined || name.includes(args.only));
  return timeCases(chosen.map(([name, run]) => ({ name, run })), RUNS, log);
}

async function printReport(pool: pg.Pool, seed: SeedTimes, results: Result[]) {
  const { rows } = await pool.query<{ version: string }>("SELECT current_setting('server_version') AS version");
  const cpu = os.cpus()[0]?.model ?? "unknown CPU";
  console.log(`\n## Query benchmark (${new Date().toISOString().slice(0, 10)})\n`);
  console.log(`Machine: ${os.availableParallelism()} cores (${cpu}), ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB RAM, embedded PostgreSQL ${rows[0]?.version ?? "?"} (shared_buffers 128MB).`);
  console.log(
    `Store: ${seed.spans.toLocaleString("en")} spans in ${seed.traces.toLocaleString("en")} traces over ${DAYS} days, ${seed.rollupRows.toLocaleString("en")} rollup rows, ` +
      `${seed.metricSeries} metric series with ${seed.metricPoints.toLocaleString("en")} points, ` +
      `${(seed.bytes / 2 ** 30).toFixed(1)} GiB on disk. Seeded in ${seconds(seed.spansMs + seed.rollupsMs + seed.metricsMs + seed.analyzeMs)} ` +
      `(spans ${seconds(seed.spansMs)}, rollups ${seconds(seed.rollupsMs)}, metrics ${seconds(seed.metricsMs)}, VACUUM ANALYZE ${seconds(seed.analyzeMs)}).`,
  );
  const loadNow = os.loadavg().map((l) => l.toFixed(2)).join(" ");
  console.log(`Load average (1, 5, 15 min) when timing started: ${loadAtStart}; when it ended: ${loadNow}.\n`);
  console.log(`| query (${RUNS} runs each, after 2 warm-up runs) | p50 ms | p95 ms | max ms | result |`);
  console.log("|---|---:|---:|---:|---|");
  for (const r of results) console.log(`| ${r.name} | ${r.p50.toFixed(1)} | ${r.p95.toFixed(1)} | ${r.max.toFixed(1)} | ${r.note} |`);
}

main().catch((error: unknown) => {
  console.error("[bench:query] failed:", error);
  process.exitCode = 1;
});
