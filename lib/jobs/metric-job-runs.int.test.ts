import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { getPool, getPrisma } from "@/lib/db/client";
import { evaluateAt, makeRule, MINUTE, quiet, ruleState, seedJobRuns, seedMetricJobRuns, startOfTest } from "@/lib/alerts/testing/alert-fixtures";
import { getJob, listJobs } from "./list-jobs";

// Batch jobs that report their runs only as metrics (`*.batch_job.runs`, `*.batch_job.duration`),
// stored through the real metrics store and read back by the jobs API and the job alert source.

const pool = getPool();
afterAll(async () => {
  await getPrisma().$disconnect();
  await pool.end();
});
beforeEach(() => quiet(pool));

const T = startOfTest();
/** A run ending `seconds` into minute m. */
const endsAt = (m: number, outcome = "success", seconds = 0.25) => ({ endMs: T + m * MINUTE + 5_000, outcome, seconds });

describe("a job known only from its metrics", () => {
  it("lists 3 successes and a failure as 4 runs, the last one failed, without traces", async () => {
    await seedMetricJobRuns(pool, {
      service: "billing-m",
      job: "settle-invoices",
      processStartMs: T,
      exportUntilMs: T + 5 * MINUTE,
      runs: [endsAt(0), endsAt(1), endsAt(2), endsAt(3, "failure", 1.5)],
    });
    const now = T + 5 * MINUTE;
    const { jobs } = await listJobs(pool, {}, now);
    const job = jobs.find((j) => j.service === "billing-m" && j.job === "settle-invoices");
    // each run is seen at the first export after it: 10 s into its minute
    expect(job).toMatchObject({
      health: "failed",
      runs: 4,
      failures: 1,
      retries: 0,
      medianIntervalMs: MINUTE,
      p95DurationMs: 1_500,
      lastRun: { outcome: "failure", traceId: null, spanId: null, durationMs: 1_500, startMs: T + 3 * MINUTE + 10_000 - 1_500 },
      lastSuccessMs: T + 2 * MINUTE + 10_000 - 250,
    });
    const detail = await getJob(pool, "billing-m", "settle-invoices", { limit: 10 }, now);
    expect(detail.runs.map((run) => [run.outcome, run.durationMs])).toEqual([
      ["failure", 1_500],
      ["success", 250],
      ["success", 250],
      ["success", 250],
    ]);
  });

  it("becomes missed when it stops, and its job rule fires", async () => {
    await seedMetricJobRuns(pool, {
      service: "billing-s",
      job: "close-books",
      processStartMs: T,
      // the process lives on and keeps exporting the same totals after the last run
      exportUntilMs: T + 12 * MINUTE,
      runs: [0, 1, 2, 3, 4, 5].map((m) => endsAt(m)),
    });
    const rule = await makeRule(pool, { name: "close-books missed", source: { kind: "job", job: "close-books", service: "billing-s", graceSeconds: 60 }, condition: { op: "above", threshold: 0.5 } }, T);
    await evaluateAt(pool, T + 6 * MINUTE + 30_000); // expected at 6 min 10 s: within the grace
    expect(await ruleState(pool, rule)).toMatchObject({ state: "ok", last_value: 0 });
    const { jobs } = await listJobs(pool, {}, T + 9 * MINUTE); // the page's grace is 2 minutes
    expect(jobs.find((j) => j.job === "close-books")).toMatchObject({ health: "missed", runs: 6, nextExpectedMs: T + 6 * MINUTE + 10_000 - 250 });
    await pool.query("UPDATE alert_rules SET next_eval_at = $2 WHERE id = $1", [rule, new Date(T)]);
    await evaluateAt(pool, T + 8 * MINUTE);
    expect(await ruleState(pool, rule)).toMatchObject({ state: "firing", last_value: 1 });
  });
});

describe("a job seen as spans and as metrics", () => {
  it("is read from its spans alone, not counted twice", async () => {
    const starts = [0, 1, 2, 3, 4].map((m) => T + m * MINUTE + 4_000);
    await seedJobRuns(pool, { service: "shop-d", job: "expire-carts", startsMs: starts });
    await seedMetricJobRuns(pool, { service: "shop-d", job: "expire-carts", prefix: "shop", processStartMs: T, exportUntilMs: T + 5 * MINUTE, runs: [0, 1, 2, 3, 4].map((m) => endsAt(m)) });
    const { jobs } = await listJobs(pool, {}, T + 5 * MINUTE);
    const seen = jobs.filter((j) => j.job === "expire-carts");
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({ service: "shop-d", runs: 5, lastRun: { startMs: starts[4] } });
    expect(seen[0]!.lastRun!.traceId).toMatch(/^[0-9a-f]{32}$/);
    const detail = await getJob(pool, "shop-d", "expire-carts", { limit: 50 }, T + 5 * MINUTE);
    expect(detail.runs.every((run) => run.traceId !== null)).toBe(true);
    expect(detail.runs).toHaveLength(5);
  });
});
