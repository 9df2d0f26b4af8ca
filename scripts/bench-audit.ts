import os from "node:os";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import type pg from "pg";
import { getRowAsOf } from "@/lib/audit/get-row-as-of";
import { listAuditChanges } from "@/lib/audit/list-audit-changes";
import { listLockEvents } from "@/lib/audit/list-lock-events";
import { listRowHistory } from "@/lib/audit/list-row-history";
import { getDatabaseActivity } from "@/lib/database/get-database-activity";
import { telemetryTableNames } from "@/lib/db/telemetry-tables";
import { auditRowHistoryQuerySchema, type AuditChangesQuery } from "@/lib/schemas/audit";
import { HOT_ORDER_ID, seedBenchAuditChanges, seedBenchDatabasePage } from "@/lib/testing/seed-bench-audit";
import { utcDay } from "@/lib/utc-day";
import { withBenchDatabase } from "./bench/bench-database";
import { inParallel, timeCases, type TimedCase } from "./bench/time-queries";

// `npm run bench:audit`: how fast the Audit and Database pages' SQL answers over a large audit
// trail. Starts a throwaway embedded PostgreSQL (as bench:query does), generates N row changes
// over D days inside the database (one order with H changes among them), a lock wait every
// minute and an activity sample every 5 s for the last day, then times the lib functions the
// routes call against the budgets (p95): audit search ≤ 300 ms, a row history of H
// changes ≤ 500 ms, the row as of a moment ≤ 300 ms, the Database page's reads ≤ 1 s. Usage:
//   tsx scripts/bench-audit.ts [--changes N] [--days D] [--hot H] [--runs R] [--only TEXT] [--keep DIR]
// where --keep DIR keeps the store in DIR and, when DIR already holds one, times it again unseeded.

const { values: args } = parseArgs({
  options: {
    changes: { type: "string", default: "10000000" },
    days: { type: "string", default: "30" },
    hot: { type: "string", default: "10000" },
    runs: { type: "string", default: "20" },
    only: { type: "string" },
    keep: { type: "string" },
  },
});
const CHANGES = Number(args.changes);
const DAYS = Number(args.days);
const HOT = Number(args.hot);
const RUNS = Math.max(20, Number(args.runs));
const CHUNK = 250_000;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

const log = (line: string) => console.log(`[bench:audit] ${line}`);
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

async function main() {
  await withBenchDatabase({
    prefix: "sightline-bench-audit-",
    keep: args.keep,
    log,
    poolMax: 4,
    // The store's moment is kept with it: a kept store is timed over the windows it was seeded for.
    seed: async (pool) => {
      const anchorMs = Math.floor(Date.now() / 60_000) * 60_000;
      return { ...(await seedStore(pool, anchorMs)), anchorMs };
    },
    measure: async (pool, seed) => {
      const { anchorMs } = seed;
      const loadAtStart = os.loadavg().map((l) => l.toFixed(2)).join(" ");
      const cases = (await buildCases(pool, anchorMs)).filter((c) => args.only === undefined || c.name.includes(args.only));
      const results = await timeCases(cases, RUNS, log);
      const { rows } = await pool.query<{ version: string }>("SELECT current_setting('server_version') AS version");
      console.log(`\n## Audit benchmark (${new Date().toISOString().slice(0, 10)})\n`);
      console.log(`Machine: ${os.availableParallelism()} cores (${os.cpus()[0]?.model ?? "unknown CPU"}), ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB RAM, embedded PostgreSQL ${rows[0]?.version ?? "?"}.`);
      console.log(`Store: ${seed.changes.toLocaleString("en")} audit changes over ${DAYS} days (one order with ${HOT.toLocaleString("en")}), ${seed.waits.toLocaleString("en")} lock waits, ${seed.samples.toLocaleString("en")} activity samples, ${(seed.bytes / 2 ** 30).toFixed(1)} GiB on disk; seeded in ${seconds(seed.seedMs)}, VACUUM ANALYZE ${seconds(seed.analyzeMs)}.`);
      console.log(`Load average (1, 5, 15 min) when timing started: ${loadAtStart}; when it ended: ${os.loadavg().map((l) => l.toFixed(2)).join(" ")}.\n`);
      console.log(`| query (${RUNS} runs each, after 2 warm-up runs) | p50 ms | p95 ms | max ms | budget | result |`);
      console.log("|---|---:|---:|---:|---|---|");
      for (const r of results) {
        const budget = r.budgetMs === undefined ? "" : `${r.p95 <= r.budgetMs ? "met" : "MISSED"} (≤ ${r.budgetMs})`;
        console.log(`| ${r.name} | ${r.p50.toFixed(1)} | ${r.p95.toFixed(1)} | ${r.max.toFixed(1)} | ${budget} | ${r.note} |`);
      }
    },
  });
}

async function seedStore(pool: pg.Pool, anchorMs: number) {
  const startMs = anchorMs - DAYS * DAY;
  for (let day = startMs - DAY; day <= anchorMs + DAY; day += DAY) {
    for (const table of telemetryTableNames) await pool.query("SELECT sightline_ensure_partition($1, $2::date)", [table, utcDay(day)]);
  }
  const window = { startMs, spacingMs: (DAYS * DAY) / CHANGES, hotEvery: Math.max(1, Math.floor(CHANGES / HOT)) };
  log(`seeding ${CHANGES.toLocaleString("en")} audit changes over ${DAYS} days`);
  const started = performance.now();
  let changes = 0;
  await inParallel(Math.ceil(CHANGES / CHUNK), 2, async (chunk) => {
    const inserted = await seedBenchAuditChanges(pool, window, chunk * CHUNK + 1, Math.min(CHANGES, (chunk + 1) * CHUNK));
    changes += inserted;
    if (chunk % 8 === 7) log(`  ${changes.toLocaleString("en")} changes, ${seconds(performance.now() - started)}`);
  });
  const { waits, samples } = await seedBenchDatabasePage(pool, anchorMs, Math.min(DAYS, 30), 60_000);
  const seedMs = performance.now() - started;
  const analyzeStarted = performance.now();
  await pool.query("VACUUM (ANALYZE)");
  const analyzeMs = performance.now() - analyzeStarted;
  const { rows } = await pool.query<{ bytes: string }>("SELECT pg_database_size(current_database()) AS bytes");
  return { changes, waits, samples, seedMs, analyzeMs, bytes: Number(rows[0]?.bytes ?? 0) };
}

async function buildCases(pool: pg.Pool, anchorMs: number): Promise<TimedCase[]> {
  const last = (ms: number) => ({ from: anchorMs - ms, to: anchorMs });
  const search = async (query: Partial<AuditChangesQuery>) => `${(await listAuditChanges(pool, { limit: 100, order: "desc", ...query })).changes.length} changes`;
  // A request and a transaction from the last day, and the middle of the hot order's history.
  const recent = await pool.query<{ trace_id: string; txid: string; pk: number }>(
    "SELECT encode(trace_id, 'hex') AS trace_id, txid::text, (pk->>'id')::int AS pk FROM audit_changes WHERE committed_at > $1 AND trace_id IS NOT NULL AND table_name = 'orders' AND pk <> $2::jsonb LIMIT 1",
    [new Date(anchorMs - HOUR).toISOString(), JSON.stringify({ id: HOT_ORDER_ID })],
  );
  const { trace_id: traceId, txid, pk } = recent.rows[0]!;
  const hot = { database: "shop", table: "orders", pk: { object: { id: HOT_ORDER_ID } } };
  const middle = anchorMs - (DAYS * DAY) / 2;
  // Where the page after the hot order's first half of history starts (the row page's "show the next changes").
  const halfway = (await listRowHistory(pool, { ...hot, limit: Math.max(1, Math.floor(HOT / 2)) })).nextAfter;
  const later = halfway === null ? undefined : auditRowHistoryQuerySchema.shape.after.parse(halfway);
  const SEARCH = 300;
  return [
    { name: "audit search, newest 100, 24 h", budgetMs: SEARCH, run: () => search(last(DAY)) },
    { name: "audit search table=orders column=status, 7 d", budgetMs: SEARCH, run: () => search({ table: "orders", column: "status", ...last(7 * DAY) }) },
    { name: "audit search op=DELETE, 30 d", budgetMs: SEARCH, run: () => search({ op: "DELETE", ...last(30 * DAY) }) },
    { name: "audit search actor=user-7, 30 d", budgetMs: SEARCH, run: () => search({ actor: "user-7", ...last(30 * DAY) }) },
    { name: "audit search application=payment-service, 24 h", budgetMs: SEARCH, run: () => search({ application: "payment-service", ...last(DAY) }) },
    { name: "audit search value status=PAID, 24 h", budgetMs: SEARCH, run: () => search({ value: { key: "status", value: "PAID" }, ...last(DAY) }) },
    { name: "audit search traceId (all time)", budgetMs: SEARCH, run: () => search({ traceId }) },
    { name: "audit search txid, database=shop (transaction view, all time)", budgetMs: SEARCH, run: () => search({ database: "shop", txid, order: "asc", limit: 1000 }) },
    { name: "audit search table=orders pk=<value> (all time)", budgetMs: SEARCH, run: () => search({ table: "orders", pk: { value: String(pk) } }) },
    { name: "audit CSV page: 1,000 changes of 30 d", budgetMs: SEARCH, run: () => search({ limit: 1000, ...last(30 * DAY) }) },
    { name: `row history of ${HOT.toLocaleString("en")} changes (with their requests)`, budgetMs: 500, run: async () => `${(await listRowHistory(pool, { ...hot, limit: HOT })).changes.length} changes` },
    { name: "row history, API page of 1,000", budgetMs: 500, run: async () => `${(await listRowHistory(pool, { ...hot, limit: 1000 })).changes.length} changes` },
    { name: "row history, API page of 1,000 halfway through (after=)", budgetMs: 500, run: async () => `${(await listRowHistory(pool, { ...hot, limit: 1000, after: later })).changes.length} changes` },
    { name: "row as of the middle of its history", budgetMs: 300, run: async () => `${(await getRowAsOf(pool, { ...hot, at: middle })).state}` },
    { name: "database page: lock events, 1 h", budgetMs: 1000, run: async () => `${(await listLockEvents(pool, { database: "shop", ...last(HOUR), limit: 1000 })).events.length} events` },
    { name: "database page: lock events, 24 h (1,000 newest)", budgetMs: 1000, run: async () => `${(await listLockEvents(pool, { database: "shop", ...last(DAY), limit: 1000 })).events.length} events` },
    { name: "database page: activity, 1 h", budgetMs: 1000, run: async () => `${(await getDatabaseActivity(pool, { database: "shop", ...last(HOUR) })).idleSessions.length} idle sessions` },
    { name: "database page: activity, 24 h", budgetMs: 1000, run: async () => `${(await getDatabaseActivity(pool, { database: "shop", ...last(DAY) })).tables.length} tables` },
  ];
}

main().catch((error: unknown) => {
  console.error("[bench:audit] failed:", error);
  process.exitCode = 1;
});
