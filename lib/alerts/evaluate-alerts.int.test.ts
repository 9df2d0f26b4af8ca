import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { getPool, getPrisma } from "@/lib/db/client";
import { getIncident } from "@/lib/incidents/get-incident";
import { ensureDemoAlertRules } from "./ensure-demo-rules";
import { eventsOf, evaluateAt, makeRule, MINUTE, quiet, ruleState, seedJobRuns, seedRequests, startOfTest } from "./testing/alert-fixtures";

// The evaluator on a real PostgreSQL with seeded telemetry and an injected clock: states and
// their timings, no data, an absent batch job, a failed run, and the incident a firing opens.

const pool = getPool();
afterAll(async () => {
  await getPrisma().$disconnect();
  await pool.end();
});
beforeEach(() => quiet(pool));

const T = startOfTest();

describe("an error-rate rule on seeded rollups", () => {
  it("goes pending, fires after forSeconds, and resolves when errors stop, at the right instants", async () => {
    // 5 minutes at 50% errors, then 5 clean minutes.
    await seedRequests(pool, { service: "checkout-a", operation: "POST /checkout", fromMs: T, minutes: 10, perMinute: 20, errorsPerMinute: (m) => (m < 5 ? 10 : 0) });
    const id = await makeRule(
      pool,
      { name: "checkout errors", source: { kind: "red", service: "checkout-a", measure: "error-percent", windowSeconds: 60 }, condition: { op: "above", threshold: 5 }, forSeconds: 120, everySeconds: 30 },
      T,
    );
    await evaluateAt(pool, T + MINUTE);
    expect(await ruleState(pool, id)).toMatchObject({ state: "pending", last_value: 50 });
    // Not due before next_eval_at (every 30 s): nothing happens at +10 s.
    expect((await evaluateAt(pool, T + MINUTE + 10_000)).evaluated).toBe(0);
    await evaluateAt(pool, T + MINUTE + 30_000);
    await evaluateAt(pool, T + 2 * MINUTE + 50_000); // held 110 s < 120 s
    expect((await ruleState(pool, id)).state).toBe("pending");
    await evaluateAt(pool, T + 3 * MINUTE + 20_000); // held 140 s
    expect((await ruleState(pool, id)).state).toBe("firing");
    await evaluateAt(pool, T + 6 * MINUTE + 30_000); // window: minutes 5 and 6, clean
    expect(await ruleState(pool, id)).toMatchObject({ state: "ok", last_value: 0 });
    const events = await eventsOf(pool, id);
    expect(events.map((e) => [e.kind, e.at_ms - T])).toEqual([
      ["pending", MINUTE],
      ["firing", 3 * MINUTE + 20_000],
      ["resolved", 6 * MINUTE + 30_000],
    ]);
    expect(events[1]!.detail.summary).toBe("error % of checkout-a is 50, above 5 for 2 minutes");
  });

  it("says no-data once when the source has nothing, and a firing rule stays firing through a gap", async () => {
    const quietRule = await makeRule(pool, { name: "quiet service", source: { kind: "red", service: "nobody", measure: "error-percent" }, condition: { op: "above", threshold: 5 } }, T);
    await evaluateAt(pool, T + MINUTE);
    await evaluateAt(pool, T + 3 * MINUTE);
    expect((await ruleState(pool, quietRule)).state).toBe("no-data");
    expect((await eventsOf(pool, quietRule)).map((e) => e.kind)).toEqual(["no-data"]);

    await seedRequests(pool, { service: "checkout-b", operation: "POST /checkout", fromMs: T, minutes: 2, perMinute: 20, errorsPerMinute: () => 20 });
    const gap = await makeRule(pool, { name: "gap", source: { kind: "red", service: "checkout-b", measure: "error-percent", windowSeconds: 60 }, condition: { op: "above", threshold: 5 } }, T);
    await evaluateAt(pool, T + MINUTE);
    expect((await ruleState(pool, gap)).state).toBe("firing");
    await evaluateAt(pool, T + 10 * MINUTE); // no requests in the window
    expect(await ruleState(pool, gap)).toMatchObject({ state: "firing", last_value: null });
    expect((await eventsOf(pool, gap)).map((e) => e.kind)).toEqual(["firing"]);
  });
});

describe("batch jobs", () => {
  const minutely = (n: number, from = T) => Array.from({ length: n }, (_, i) => from + i * MINUTE + 500);

  it("an absence rule fires when the job stops reporting", async () => {
    await seedJobRuns(pool, { service: "order-a", job: "expire-unpaid-orders", startsMs: minutely(10) });
    const id = await makeRule(
      pool,
      { name: "no expire runs", source: { kind: "absence", service: "order-a", operation: "expire-unpaid-orders" }, condition: { op: "above", threshold: 300 }, everySeconds: 30 },
      T + 10 * MINUTE,
    );
    await evaluateAt(pool, T + 10 * MINUTE); // the last run started at 9 min 0.5 s
    expect(await ruleState(pool, id)).toMatchObject({ state: "ok", last_value: 59.5 });
    await evaluateAt(pool, T + 14 * MINUTE); // 299.5 s
    expect((await ruleState(pool, id)).state).toBe("ok");
    await evaluateAt(pool, T + 15 * MINUTE); // 359.5 s
    expect(await ruleState(pool, id)).toMatchObject({ state: "firing" });
    expect((await eventsOf(pool, id))[0]!.detail.summary).toMatch(/^seconds since the last spans of expire-unpaid-orders from order-a is 360, above 300/);
  });

  it("a job rule fires on a failed last run, and on a missed one", async () => {
    await seedJobRuns(pool, { service: "order-b", job: "settle-payments", startsMs: minutely(6), failedLast: true });
    const failed = await makeRule(pool, { name: "settle failed", source: { kind: "job", job: "settle-payments" }, condition: { op: "above", threshold: 0.5 } }, T);
    await evaluateAt(pool, T + 6 * MINUTE);
    expect(await ruleState(pool, failed)).toMatchObject({ state: "firing", last_value: 1 });
    expect((await eventsOf(pool, failed))[0]!.detail.summary).toContain("failed (deadlock detected)");

    await seedJobRuns(pool, { service: "order-c", job: "restock", startsMs: minutely(6) });
    const missed = await makeRule(pool, { name: "restock missed", source: { kind: "job", job: "restock", service: "order-c", graceSeconds: 60 }, condition: { op: "above", threshold: 0.5 } }, T);
    await evaluateAt(pool, T + 6 * MINUTE + 30_000); // next expected at 6 min: within the grace
    expect(await ruleState(pool, missed)).toMatchObject({ state: "ok", last_value: 0 });
    await pool.query("UPDATE alert_rules SET next_eval_at = $2 WHERE id = $1", [missed, new Date(T)]);
    await evaluateAt(pool, T + 7 * MINUTE + 10_000); // 70 s past the expected run
    expect(await ruleState(pool, missed)).toMatchObject({ state: "firing", last_value: 1 });
  });
});

describe("openIncident", () => {
  it("opens an incident on firing and notes the resolution on its timeline", async () => {
    await seedRequests(pool, { service: "checkout-c", operation: "POST /checkout", fromMs: T, minutes: 4, perMinute: 10, errorsPerMinute: (m) => (m < 2 ? 10 : 0) });
    const id = await makeRule(
      pool,
      { name: "checkout-c failing", source: { kind: "red", service: "checkout-c", measure: "error-percent", windowSeconds: 60 }, condition: { op: "above", threshold: 5 }, openIncident: true, incidentSeverity: "critical", everySeconds: 10 },
      T,
    );
    await evaluateAt(pool, T + MINUTE);
    const { incident_id: incidentId } = await ruleState(pool, id);
    expect(incidentId).toBeTruthy();
    const opened = await getIncident(incidentId!);
    expect(opened).toMatchObject({ title: "checkout-c failing", severity: "critical", status: "investigating", createdBy: "alert: checkout-c failing", window: { fromMs: T + MINUTE - 15 * MINUTE, toMs: T + MINUTE } });
    expect(opened.events.map((e) => e.change.kind)).toEqual(["created", "evidence", "evidence"]);
    expect(opened.events[1]!.change).toMatchObject({ kind: "evidence", item: { kind: "chart", href: "/services/checkout-c" } });

    await evaluateAt(pool, T + 3 * MINUTE + 30_000);
    expect(await ruleState(pool, id)).toMatchObject({ state: "ok", incident_id: null });
    const after = await getIncident(incidentId!);
    expect(after.status).toBe("investigating");
    const note = after.events.at(-1)!;
    expect(note).toMatchObject({ author: "alert: checkout-c failing", change: { kind: "note" } });
    expect(note.change.kind === "note" && note.change.text).toContain(`Alert resolved at ${new Date(T + 3 * MINUTE + 30_000).toISOString()}`);
  });
});

it("creates the demo rules once, keeping a user's edit", async () => {
  expect((await ensureDemoAlertRules(pool)).created).toEqual(["expire-unpaid-orders missed", "no spans from payment for 5 min"]);
  await pool.query("UPDATE alert_rules SET description = 'mine' WHERE key = 'demo.payment-no-spans'");
  expect(await ensureDemoAlertRules(pool)).toEqual({ created: [], skipped: [] });
  const { rows } = await pool.query("SELECT description FROM alert_rules WHERE key = 'demo.payment-no-spans'");
  expect(rows[0].description).toBe("mine");
});
