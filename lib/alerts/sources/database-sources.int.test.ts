import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { storeAuditChanges } from "@/lib/audit/store-audit-changes";
import { storeLockEvents } from "@/lib/audit/store-lock-events";
import { checkDeadlines } from "@/lib/consistency/check-deadlines";
import { createRule } from "@/lib/consistency/create-rule";
import { DEMO_RULES } from "@/lib/consistency/demo-rules";
import { evaluateConsistency } from "@/lib/consistency/evaluate-consistency";
import { ruleBodySchema } from "@/lib/consistency/schemas";
import { storeDatabaseActivity } from "@/lib/database/store-database-activity";
import { getPool, getPrisma } from "@/lib/db/client";
import { auditChangeInputSchema } from "@/lib/schemas/audit";
import { databaseActivityInputSchema } from "@/lib/schemas/database-activity";
import { lockEventInputSchema } from "@/lib/schemas/locks";
import { gaugePoints, seedMetrics } from "@/lib/testing/seed-metrics";
import { evaluateAt, makeRule, MINUTE, quiet, ruleState, startOfTest } from "../testing/alert-fixtures";

// The database-condition and consistency sources through the evaluator, on data stored by the
// real writers (the db agent's lock events and activity samples, its connection gauge, the audit
// ingest and the consistency evaluator): each rule fires on data crossing its threshold, and its
// twin on data that does not stays ok. Each database name belongs to one test.

const pool = getPool();
const T = startOfTest();
const AT = T + 5 * MINUTE;
const iso = (ms: number) => new Date(ms).toISOString();

afterAll(async () => {
  await getPrisma().$disconnect();
  await pool.end();
});
beforeEach(() => quiet(pool));

const dbRule = (name: string, measure: string, database: string | undefined, threshold: number) => ({
  name,
  source: { kind: "database", measure, ...(database ? { database } : {}), windowSeconds: 300 },
  condition: { op: "above", threshold },
});

const wait = (database: string, n: number, atMs: number) =>
  lockEventInputSchema.parse({
    id: `${database}:wait:${n}`,
    kind: "wait",
    database,
    time: iso(atMs),
    durationMs: 2_500,
    ended: true,
    lock: { type: "transactionid", mode: "ShareLock", object: `transaction ${1000 + n}` },
    waiter: { pid: 100 + n, query: "UPDATE orders SET status = 'PAID' WHERE id = $1" },
    blockers: [{ pid: 200 + n, query: "UPDATE orders SET status = 'CANCELLED' WHERE id = $1" }],
  });
const deadlock = (database: string, n: number, atMs: number, count = 1) =>
  lockEventInputSchema.parse({ id: `${database}:deadlock:${n}`, kind: "deadlock", database, time: iso(atMs), source: count > 1 ? "counter" : "log", count, processes: [] });

describe("lock waits and deadlocks", () => {
  it("lock waits: fires on the database with many in the window, ok on the one with few", async () => {
    await storeLockEvents(pool, [...[1, 2, 3, 4].map((n) => wait("locks_busy", n, T + n * 30_000)), wait("locks_calm", 1, T + 60_000)]);
    const busy = await makeRule(pool, dbRule("busy lock waits", "lock-waits", "locks_busy", 2), T);
    const calm = await makeRule(pool, dbRule("calm lock waits", "lock-waits", "locks_calm", 2), T);
    await evaluateAt(pool, AT);
    expect(await ruleState(pool, busy)).toMatchObject({ state: "firing", last_value: 4 });
    expect(await ruleState(pool, calm)).toMatchObject({ state: "ok", last_value: 1 });
    // Waits older than the window no longer count: the busy rule resolves.
    await pool.query("UPDATE alert_rules SET next_eval_at = $2 WHERE id = $1", [busy, new Date(T)]);
    await evaluateAt(pool, AT + 10 * MINUTE);
    expect(await ruleState(pool, busy)).toMatchObject({ state: "ok", last_value: 0 });
  });

  it("deadlocks: fires on a deadlock, counting what a counter event stands for, and ok where there is none", async () => {
    await storeLockEvents(pool, [deadlock("dl_one", 1, T + 2 * MINUTE), deadlock("dl_counter", 1, T + 2 * MINUTE, 3), wait("dl_none", 1, T + 2 * MINUTE)]);
    const one = await makeRule(pool, dbRule("a deadlock", "deadlocks", "dl_one", 0), T);
    const counted = await makeRule(pool, dbRule("three deadlocks", "deadlocks", "dl_counter", 2), T);
    const none = await makeRule(pool, dbRule("no deadlock", "deadlocks", "dl_none", 0), T);
    await evaluateAt(pool, AT);
    expect(await ruleState(pool, one)).toMatchObject({ state: "firing", last_value: 1 });
    expect(await ruleState(pool, counted)).toMatchObject({ state: "firing", last_value: 3 });
    expect(await ruleState(pool, none)).toMatchObject({ state: "ok", last_value: 0 });
  });
});

describe("idle in transaction", () => {
  const sample = (database: string, atMs: number, idleMs: number[]) =>
    databaseActivityInputSchema.parse({
      id: `${database}:${atMs}`,
      kind: "activity",
      database,
      time: iso(atMs),
      idleSessions: idleMs.map((ms, i) => ({ pid: 300 + i, xactStart: iso(atMs - ms - 1_000), idleSince: iso(atMs - ms), idleMs: ms })),
      tables: [],
    });

  it("fires on the newest sample's oldest idle session and stays ok where sessions go idle briefly", async () => {
    await storeDatabaseActivity(pool, [
      // Idle for 10 minutes in the newest sample (an earlier sample had it shorter).
      sample("idle_stuck", T + 3 * MINUTE, [400_000, 2_000]),
      sample("idle_stuck", T + 4 * MINUTE, [600_000, 3_000]),
      // Long idle in an older sample only; the newest sample shows 5 s: not stuck any more.
      sample("idle_brief", T + 3 * MINUTE, [900_000]),
      sample("idle_brief", T + 4 * MINUTE, [5_000]),
    ]);
    const stuck = await makeRule(pool, dbRule("stuck transaction", "idle-in-transaction-seconds", "idle_stuck", 300), T);
    const brief = await makeRule(pool, dbRule("brief idle", "idle-in-transaction-seconds", "idle_brief", 300), T);
    await evaluateAt(pool, AT);
    expect(await ruleState(pool, stuck)).toMatchObject({ state: "firing", last_value: 600 });
    expect(await ruleState(pool, brief)).toMatchObject({ state: "ok", last_value: 5 });
  });
});

describe("connections vs max", () => {
  it("fires while the server's connection utilisation is high and resolves when it drops", async () => {
    // The agent's gauge (connections / max_connections): 92 % for the first 5 minutes, 40 % from minute 20.
    const points = (fromMs: number, value: number) => Array.from({ length: 10 }, (_, i): [number, number] => [fromMs + i * 30_000 + 1_000, value]);
    await seedMetrics(pool, gaugePoints({ name: "postgresql.connection.utilization", service: "db-agent" }, [...points(T, 0.92), ...points(T + 20 * MINUTE, 0.4)]));
    const id = await makeRule(pool, dbRule("connections near max", "connections-percent-of-max", undefined, 80), T);
    await evaluateAt(pool, AT);
    expect(await ruleState(pool, id)).toMatchObject({ state: "firing", last_value: 92 });
    await evaluateAt(pool, T + 25 * MINUTE);
    expect(await ruleState(pool, id)).toMatchObject({ state: "ok", last_value: 40 });
    // A rule made for the quiet stretch never fires.
    const later = await makeRule(pool, dbRule("connections later", "connections-percent-of-max", undefined, 80), T + 25 * MINUTE);
    await evaluateAt(pool, T + 25 * MINUTE + 1);
    expect(await ruleState(pool, later)).toMatchObject({ state: "ok", last_value: 40 });
  });
});

describe("consistency violations", () => {
  // The demo rule "a SUCCESS payment's order becomes PAID within 30 s", restricted to one database.
  async function paymentRule(database: string) {
    const demo = DEMO_RULES[0]!;
    const definition = structuredClone(demo.definition);
    if (definition.kind !== "follows") throw new Error("the first demo rule is a follows rule");
    definition.trigger.database = database;
    for (const step of definition.expect) step.match.database = database;
    return createRule(pool, ruleBodySchema.parse({ name: `${demo.name} ${database}`, description: demo.description, definition }));
  }
  let seq = 0;
  const change = (database: string, table: string, id: number, before: Record<string, unknown>, after: Record<string, unknown>, atMs: number) =>
    auditChangeInputSchema.parse({
      id: `${database}:1:${++seq}`,
      database,
      table,
      op: "UPDATE",
      pk: { id },
      before,
      after,
      changedColumns: ["status"],
      txid: seq,
      traceId: null,
      committedAt: iso(atMs),
    });

  it("fires on a rule with a missing step in the window and stays ok on a rule whose steps came in time", async () => {
    const broken = await paymentRule("shop_broken");
    const healthy = await paymentRule("shop_healthy");
    const t0 = Date.now() - 60_000;
    await storeAuditChanges(pool, [
      // shop_broken: the payment succeeds, its order never becomes PAID.
      change("shop_broken", "payments", 1, { id: 1, order_id: 10, status: "PENDING" }, { id: 1, order_id: 10, status: "SUCCESS" }, t0),
      // shop_healthy: the order follows within a second.
      change("shop_healthy", "payments", 2, { id: 2, order_id: 20, status: "PENDING" }, { id: 2, order_id: 20, status: "SUCCESS" }, t0),
      change("shop_healthy", "orders", 20, { id: 20, status: "PENDING_PAYMENT" }, { id: 20, status: "PAID" }, t0 + 800),
    ]);
    while ((await evaluateConsistency(pool, { limit: 500 })).taken >= 500);
    await checkDeadlines(pool, Date.now());
    const { rows } = await pool.query<{ detected_ms: number }>("SELECT extract(epoch FROM detected_at)::float8 * 1000 AS detected_ms FROM consistency_checks WHERE rule_id = $1 AND state = 'missing'", [broken.id]);
    expect(rows).toHaveLength(1);
    const at = rows[0]!.detected_ms + MINUTE;

    const source = (ruleId: string) => ({ kind: "consistency", ruleId, windowSeconds: 300 });
    const brokenAlert = await makeRule(pool, { name: "payments confirm orders (broken)", source: source(broken.id), condition: { op: "above", threshold: 0 } }, at);
    const healthyAlert = await makeRule(pool, { name: "payments confirm orders (healthy)", source: source(healthy.id), condition: { op: "above", threshold: 0 } }, at);
    await evaluateAt(pool, at);
    expect(await ruleState(pool, brokenAlert)).toMatchObject({ state: "firing", last_value: 1 });
    expect(await ruleState(pool, healthyAlert)).toMatchObject({ state: "ok", last_value: 0 });
    // Once the violation is older than the window, the rule resolves.
    await pool.query("UPDATE alert_rules SET next_eval_at = $2 WHERE id = $1", [brokenAlert, new Date(at)]);
    await evaluateAt(pool, at + 10 * MINUTE);
    expect(await ruleState(pool, brokenAlert)).toMatchObject({ state: "ok", last_value: 0 });
  });
});
