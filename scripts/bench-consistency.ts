import os from "node:os";
import { parseArgs } from "node:util";
import pg from "pg";
import { storeAuditChanges } from "@/lib/audit/store-audit-changes";
import { ensureDemoRules } from "@/lib/consistency/ensure-demo-rules";
import { startConsistencyLoop } from "@/lib/consistency/run-consistency-loop";
import { telemetryTableNames } from "@/lib/db/telemetry-tables";
import { auditChangeInputSchema, type AuditChangeInput } from "@/lib/schemas/audit";
import { utcDay } from "@/lib/utc-day";
import { withBenchDatabase } from "./bench/bench-database";
import { makeOrderLifecycle } from "./bench/make-order-lifecycle";

// `npm run bench:consistency`: can the consistency evaluator keep up with 1,000 audit changes/s
// under the four demo rules (issue 14)? A throwaway embedded PostgreSQL; shop-shaped changes
// (orders, items, stock, coupon redemptions, payments, callbacks, 3% cancellations with their
// refunds) stored every 100 ms through storeAuditChanges, the audit ingest's store (which queues
// them in its transaction), while the evaluator loop of `npm start` runs beside it. Prints the
// changes/s stored and evaluated, the lag from ingest commit to checks committed (max, p95),
// the queue depth, and the checks by state (normal traffic: no violation). Usage:
//   tsx scripts/bench-consistency.ts [--rate CHANGES_PER_S] [--seconds S]

const { values: args } = parseArgs({ options: { rate: { type: "string", default: "1200" }, seconds: { type: "string", default: "60" } } });
const RATE = Number(args.rate);
const SECONDS = Number(args.seconds);
const TICK_MS = 100;
const CHANGES_PER_ORDER = 10.4; // with coupons and cancellations (make-order-lifecycle.ts)

const log = (line: string) => console.log(`[bench:consistency] ${line}`);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]! : 0;
};

async function main() {
  await withBenchDatabase({
    prefix: "sightline-bench-consistency-",
    log,
    poolMax: 4,
    seed: async (pool) => {
      for (const day of [Date.now() - 86_400_000, Date.now(), Date.now() + 86_400_000]) {
        for (const table of telemetryTableNames) await pool.query("SELECT sightline_ensure_partition($1, $2::date)", [table, utcDay(day)]);
      }
      await ensureDemoRules(pool);
      return null;
    },
    measure: async (pool) => run(pool),
  });
}

async function run(seedPool: pg.Pool) {
  // The bench store's pool commits asynchronously (for seeding); the app's commits synchronously,
  // and that is what is measured: ingest and the evaluator get pools of their own.
  const url = (seedPool as unknown as { options: { connectionString: string } }).options.connectionString;
  const pool = new pg.Pool({ connectionString: url, max: 3 });
  const lags: number[] = [];
  let evaluated = 0;
  let batches = 0;
  const loop = startConsistencyLoop(url, log, {
    onBatch: (result) => {
      if (!result.ran) return;
      batches += 1;
      evaluated += result.taken;
      lags.push(...result.lagsMs);
    },
  });
  const loadAtStart = os.loadavg().map((l) => l.toFixed(2)).join(" ");
  const pending: { atMs: number; change: AuditChangeInput }[] = [];
  const lifecycle = makeOrderLifecycle();
  const depths: number[] = [];
  let sent = 0;
  const startedMs = Date.now();
  const endMs = startedMs + SECONDS * 1000;
  const ordersPerTick = RATE / CHANGES_PER_ORDER / (1000 / TICK_MS);
  let owed = 0;
  const sampler = setInterval(() => {
    void pool.query<{ n: number }>("SELECT count(*)::int AS n FROM consistency_queue").then(({ rows }) => depths.push(rows[0]!.n), () => {});
  }, 1000);
  log(`sending about ${RATE} changes/s for ${SECONDS} s`);
  for (let tick = startedMs; Date.now() < endMs; tick += TICK_MS) {
    owed += ordersPerTick;
    for (; owed >= 1; owed -= 1) pending.push(...lifecycle(tick));
    const now = Date.now();
    pending.sort((a, b) => a.atMs - b.atMs);
    const due = pending.splice(0, pending.findIndex((p) => p.atMs > now) === -1 ? pending.length : pending.findIndex((p) => p.atMs > now));
    // The agent sends at most 500 changes a request.
    for (let i = 0; i < due.length; i += 500) {
      const batch = due.slice(i, i + 500).map((p) => auditChangeInputSchema.parse(p.change));
      await storeAuditChanges(pool, batch);
      sent += batch.length;
    }
    const wait = tick + TICK_MS - Date.now();
    if (wait > 0) await sleep(wait);
  }
  const sendMs = Date.now() - startedMs;
  for (const deadline = Date.now() + 60_000; Date.now() < deadline; ) {
    const { rows } = await pool.query<{ n: number }>("SELECT count(*)::int AS n FROM consistency_queue");
    if (rows[0]!.n === 0 && evaluated >= sent) break;
    await sleep(200);
  }
  clearInterval(sampler);
  const drainedMs = Date.now() - startedMs;
  await loop.stop();
  const { rows: states } = await pool.query<{ name: string; state: string; n: number }>(
    "SELECT r.name, c.state, count(*)::int AS n FROM consistency_checks c JOIN consistency_rules r ON r.id = c.rule_id GROUP BY 1, 2 ORDER BY 1, 2",
  );
  const { rows: version } = await pool.query<{ v: string }>("SELECT current_setting('server_version') AS v");
  await pool.end();

  console.log(`\n## Consistency benchmark (${new Date().toISOString().slice(0, 10)})\n`);
  console.log(`Machine: ${os.availableParallelism()} cores (${os.cpus()[0]?.model ?? "unknown CPU"}), embedded PostgreSQL ${version[0]?.v ?? "?"}, the four demo rules.`);
  console.log(`Load average (1, 5, 15 min) at start: ${loadAtStart}; at the end: ${os.loadavg().map((l) => l.toFixed(2)).join(" ")}.\n`);
  console.log("| measure | value |\n|---|---:|");
  console.log(`| changes stored (${(sendMs / 1000).toFixed(0)} s) | ${sent.toLocaleString("en")} (${Math.round(sent / (sendMs / 1000)).toLocaleString("en")}/s) |`);
  console.log(`| changes evaluated (until the queue was empty, ${(drainedMs / 1000).toFixed(0)} s) | ${evaluated.toLocaleString("en")} (${Math.round(evaluated / (drainedMs / 1000)).toLocaleString("en")}/s) in ${batches} batches |`);
  console.log(`| lag, ingest commit → checks committed: p50 / p95 / max | ${percentile(lags, 50).toFixed(0)} / ${percentile(lags, 95).toFixed(0)} / ${Math.max(0, ...lags).toFixed(0)} ms |`);
  console.log(`| queue depth, sampled each second: p95 / max | ${percentile(depths, 95)} / ${Math.max(0, ...depths)} |`);
  console.log(`\n| rule | state | checks |\n|---|---|---:|`);
  for (const row of states) console.log(`| ${row.name} | ${row.state} | ${row.n.toLocaleString("en")} |`);
}

main().catch((error: unknown) => {
  console.error(`[bench:consistency] failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exitCode = 1;
});
