import { randomBytes } from "node:crypto";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { storeAuditChanges } from "@/lib/audit/store-audit-changes";
import { getPool, getPrisma } from "@/lib/db/client";
import { auditChangeInputSchema, type AuditOp } from "@/lib/schemas/audit";
import { checkDeadlines } from "./check-deadlines";
import { createRule } from "./create-rule";
import { DEMO_RULES } from "./demo-rules";
import { evaluateConsistency } from "./evaluate-consistency";
import { getViolation } from "./get-violation";
import { listViolations } from "./list-violations";
import { updateRule } from "./update-rule";
import { ruleBodySchema, violationDetailSchema, violationListSchema, violationsQuerySchema, type RuleDefinition } from "./schemas";

// Rule evaluation on a real PostgreSQL, fed through the audit ingest's store (the queue is filled
// in its transaction): on time, late, never, duplicate, out-of-order arrival, an agent's re-sent
// batch, at-most, a disabled rule, an edited rule. Each test has its own monitored database
// name, and its rules match only that database, so tests never see each other's changes.

afterAll(async () => {
  await getPrisma().$disconnect();
  await getPool().end();
});

const pool = () => getPool();
const hex = (n: number) => randomBytes(n).toString("hex");
let db = "";
let seq = 0;
beforeEach(() => {
  db = `shop_${hex(4)}`;
});

interface ChangeSpec {
  table: string;
  op?: AuditOp;
  pk: Record<string, string | number>;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
  atMs: number;
  txid?: number;
  traceId?: string;
}

function change(spec: ChangeSpec) {
  const op = spec.op ?? "UPDATE";
  const before = spec.before ?? null;
  const after = spec.after ?? null;
  const changed = Object.keys(after ?? before ?? {}).filter((k) => JSON.stringify(before?.[k] ?? null) !== JSON.stringify(after?.[k] ?? null));
  return auditChangeInputSchema.parse({
    id: `${db}:1:${++seq}`,
    database: db,
    table: spec.table,
    op,
    pk: spec.pk,
    before,
    after,
    changedColumns: changed,
    txid: spec.txid ?? seq,
    traceId: spec.traceId ?? hex(16),
    // with microseconds, as PostgreSQL stamps them (a JavaScript Date has only milliseconds)
    committedAt: new Date(spec.atMs).toISOString().replace("Z", `${String(seq % 1000).padStart(3, "0")}Z`),
  });
}

const paymentSucceeds = (paymentId: number, orderId: number, atMs: number) =>
  change({ table: "payments", pk: { id: paymentId }, before: { id: paymentId, order_id: orderId, status: "PENDING" }, after: { id: paymentId, order_id: orderId, status: "SUCCESS" }, atMs });
const orderPaid = (orderId: number, atMs: number, extra: Record<string, unknown> = {}) =>
  change({ table: "orders", pk: { id: orderId }, before: { id: orderId, status: "PENDING_PAYMENT", ...extra }, after: { id: orderId, status: "PAID", ...extra }, atMs });

/** A demo rule, restricted to this test's database. */
async function demoRule(index: number, patch: (definition: RuleDefinition) => void = () => {}) {
  const demo = DEMO_RULES[index]!;
  const definition = structuredClone(demo.definition);
  if (definition.kind === "follows") {
    definition.trigger.database = db;
    for (const step of definition.expect) step.match.database = db;
  } else definition.match.database = db;
  patch(definition);
  return createRule(pool(), ruleBodySchema.parse({ name: `${demo.name} ${db}`, description: demo.description, definition }));
}

async function checksOf(ruleId: string) {
  const { rows } = await pool().query<{ id: string; state: string; late_ms: number | null; violated_step: number | null; trace_ids: string[]; detected_at: Date | null }>(
    "SELECT id, state, late_ms, violated_step, trace_ids, detected_at FROM consistency_checks WHERE rule_id = $1 ORDER BY id",
    [ruleId],
  );
  return rows;
}

/** Evaluates until the queue is empty, as the loop does. */
async function evaluate(nowMs?: number) {
  for (;;) {
    const result = await evaluateConsistency(pool(), { limit: 500, nowMs });
    if (result.taken < 500) return result;
  }
}

describe("a follows rule (payment SUCCESS → order PAID within 30 s)", () => {
  it("is met when the step commits in time, and keeps both requests' traces", async () => {
    const rule = await demoRule(0);
    const t0 = Date.now() - 10_000;
    const trigger = paymentSucceeds(1, 10, t0);
    const step = orderPaid(10, t0 + 900);
    await storeAuditChanges(pool(), [trigger, step]);
    await evaluate();
    const [check, ...more] = await checksOf(rule.id);
    expect(more).toHaveLength(0);
    expect(check).toMatchObject({ state: "met", detected_at: null });
    expect(check!.trace_ids.sort()).toEqual([trigger.traceId, step.traceId].sort());
  });

  it("waits before its deadline, is missing after it, and a step arriving later resolves it as late by N s", async () => {
    const rule = await demoRule(0);
    const t0 = Date.now() - 5_000;
    await storeAuditChanges(pool(), [paymentSucceeds(2, 20, t0)]);
    await evaluate();
    expect((await checksOf(rule.id))[0]?.state).toBe("waiting");

    await checkDeadlines(pool(), t0 + 36_000);
    const [missing] = await checksOf(rule.id);
    expect(missing).toMatchObject({ state: "missing", violated_step: 0 });
    expect(missing!.detected_at).not.toBeNull();

    await storeAuditChanges(pool(), [orderPaid(20, t0 + 45_000)]);
    await evaluate(t0 + 50_000);
    const [late] = await checksOf(rule.id);
    expect(late).toMatchObject({ state: "late", late_ms: 15_000 });
    const detail = violationDetailSchema.parse(await getViolation(pool(), late!.id, t0 + 50_000));
    expect(detail.violation).toMatchObject({ state: "late", open: false, lateMs: 15_000, step: "order becomes PAID", table: "payments", pk: { id: 2 } });
    expect(detail.steps).toEqual([expect.objectContaining({ label: "order becomes PAID", state: "late", changes: [expect.objectContaining({ table: "orders", pk: { id: 20 } })] })]);
    expect(detail.trigger).toMatchObject({ table: "payments", pk: { id: 2 } });
    expect(detail.history.map((c) => c.table)).toEqual(["payments", "orders"]);
    expect(detail.traces.map((t) => t.role)).toEqual(["trigger", "step"]);
  });

  it("stays an open violation when the step never comes, listed and told in order", async () => {
    const rule = await demoRule(0);
    const t0 = Date.now() - 60_000;
    // Another row of the same order changes meanwhile: part of the row's history, not the step.
    await storeAuditChanges(pool(), [paymentSucceeds(3, 30, t0), change({ table: "orders", pk: { id: 30 }, before: { id: 30, status: "NEW" }, after: { id: 30, status: "PENDING_PAYMENT" }, atMs: t0 - 500 })]);
    await evaluate();
    await checkDeadlines(pool(), Date.now());
    const [check] = await checksOf(rule.id);
    expect(check?.state).toBe("missing");

    const list = violationListSchema.parse(await listViolations(pool(), violationsQuerySchema.parse({ rule: rule.id, state: "open" }), Date.now()));
    expect(list.violations).toEqual([expect.objectContaining({ id: check!.id, state: "missing", open: true, step: "order becomes PAID", resolvedAtMs: null })]);
    expect(list.series.find((s) => s.ruleId === rule.id)!.points.reduce((sum, [, n]) => sum + n, 0)).toBe(1);
    const detail = violationDetailSchema.parse(await getViolation(pool(), check!.id, Date.now()));
    expect(detail.steps).toEqual([expect.objectContaining({ state: "missing", changes: [] })]);
  });

  it("finds a step that was ingested before its trigger (out-of-order arrival)", async () => {
    const rule = await demoRule(0);
    const t0 = Date.now() - 10_000;
    await storeAuditChanges(pool(), [orderPaid(40, t0 + 800)]);
    await evaluate();
    await storeAuditChanges(pool(), [paymentSucceeds(4, 40, t0)]);
    await evaluate();
    expect((await checksOf(rule.id)).map((c) => c.state)).toEqual(["met"]);
  });

  it("evaluates an agent's re-sent batch once: one check, never a second violation", async () => {
    const rule = await demoRule(0);
    const t0 = Date.now() - 60_000;
    const batch = [paymentSucceeds(5, 50, t0)];
    expect(await storeAuditChanges(pool(), batch)).toEqual({ inserted: 1, duplicates: 0 });
    await evaluate();
    await checkDeadlines(pool(), Date.now());
    expect(await storeAuditChanges(pool(), batch)).toEqual({ inserted: 0, duplicates: 1 });
    const { rows } = await pool().query("SELECT count(*)::int AS n FROM consistency_queue");
    expect(rows[0].n).toBe(0);
    await evaluate();
    await checkDeadlines(pool(), Date.now());
    const checks = await checksOf(rule.id);
    expect(checks.map((c) => c.state)).toEqual(["missing"]);
  });

  it("forgets met checks an hour after their deadline, and sightings past their keep time", async () => {
    const rule = await demoRule(0);
    const t0 = Date.now() - 10_000;
    await storeAuditChanges(pool(), [paymentSucceeds(7, 70, t0), orderPaid(70, t0 + 500)]);
    await evaluate();
    expect((await checksOf(rule.id)).map((c) => c.state)).toEqual(["met"]);
    const sightings = () => pool().query("SELECT 1 FROM consistency_sightings WHERE rule_id = $1", [rule.id]).then((r) => r.rowCount);
    expect(await sightings()).toBe(1);
    await checkDeadlines(pool(), t0 + 30_000 + 50 * 60_000);
    expect(await checksOf(rule.id)).toHaveLength(1);
    await checkDeadlines(pool(), t0 + 30_000 + 61 * 60_000);
    expect(await checksOf(rule.id)).toEqual([]);
    expect(await sightings()).toBe(0);
  });

  it("does nothing for a disabled rule", async () => {
    const rule = await demoRule(0);
    await updateRule(pool(), rule.id, { name: rule.name, description: rule.description, enabled: false, definition: rule.definition });
    await storeAuditChanges(pool(), [paymentSucceeds(6, 60, Date.now() - 60_000)]);
    await evaluate();
    await checkDeadlines(pool(), Date.now());
    expect(await checksOf(rule.id)).toEqual([]);
  });
});

describe("an exactly-one step with look-back (paid coupon order → one redemption)", () => {
  const redemption = (id: number, orderId: number, atMs: number) =>
    change({ table: "coupon_redemptions", op: "INSERT", pk: { id }, after: { id, order_id: orderId, coupon_id: "WELCOME10" }, atMs });

  it("is met by a redemption made at checkout, before the payment", async () => {
    const rule = await demoRule(2);
    const t0 = Date.now() - 10_000;
    await storeAuditChanges(pool(), [redemption(1, 70, t0 - 3_000)]);
    await evaluate();
    await storeAuditChanges(pool(), [orderPaid(70, t0, { coupon_id: "WELCOME10" }), orderPaid(71, t0)]);
    await evaluate();
    // order 71 had no coupon: not a trigger
    expect((await checksOf(rule.id)).map((c) => c.state)).toEqual(["met"]);
  });

  it("is a duplicate when two redemptions arrive", async () => {
    const rule = await demoRule(2);
    const t0 = Date.now() - 10_000;
    await storeAuditChanges(pool(), [redemption(2, 80, t0 - 3_000), orderPaid(80, t0, { coupon_id: "SPRING5" }), redemption(3, 80, t0 + 2_000)]);
    await evaluate();
    const [check] = await checksOf(rule.id);
    expect(check).toMatchObject({ state: "duplicate", violated_step: 0 });
    const detail = violationDetailSchema.parse(await getViolation(pool(), check!.id, Date.now()));
    expect(detail.violation.open).toBe(true);
    expect(detail.steps[0]).toMatchObject({ state: "duplicate" });
    expect(detail.steps[0]!.changes).toHaveLength(2);
  });
});

describe("the Saga rule (cancelled order → stock back in the same transaction, refund if it was paid)", () => {
  const cancel = (orderId: number, from: string, atMs: number, txid: number) =>
    change({ table: "orders", pk: { id: orderId }, before: { id: orderId, status: from }, after: { id: orderId, status: "CANCELLED" }, atMs, txid });
  const stockBack = (productId: number, atMs: number, txid: number) =>
    change({ table: "inventory", pk: { product_id: productId }, before: { product_id: productId, on_hand: "499" }, after: { product_id: productId, on_hand: "501" }, atMs, txid });
  const refund = (paymentId: number, orderId: number, atMs: number) =>
    change({ table: "payments", pk: { id: paymentId }, before: { id: paymentId, order_id: orderId, status: "SUCCESS" }, after: { id: paymentId, order_id: orderId, status: "REFUNDED" }, atMs });

  it("expects a refund only for a paid order, and misses a refund that never comes", async () => {
    const rule = await demoRule(3);
    const t0 = Date.now() - 60_000;
    await storeAuditChanges(pool(), [
      cancel(90, "PENDING_PAYMENT", t0, 9001),
      stockBack(1, t0, 9001),
      cancel(91, "PAID", t0, 9002),
      stockBack(2, t0, 9002),
      refund(9, 91, t0),
      cancel(92, "PAID", t0, 9003),
      stockBack(3, t0, 9003),
    ]);
    await evaluate();
    await checkDeadlines(pool(), Date.now());
    const states = await checksOf(rule.id);
    expect(states.map((c) => [c.state, c.violated_step])).toEqual([
      ["met", null],
      ["met", null],
      ["missing", 1],
    ]);
  });
});

describe("an at-most rule (one callback per payment)", () => {
  const callback = (paymentId: number, eventId: string, atMs: number) =>
    change({ table: "payments", pk: { id: paymentId }, before: { id: paymentId, callback_event_id: null }, after: { id: paymentId, callback_event_id: eventId }, atMs });

  it("flags a payment whose callback was processed twice, and only that one", async () => {
    const rule = await demoRule(1);
    const t0 = Date.now() - 10_000;
    await storeAuditChanges(pool(), [callback(100, "evt-1", t0), callback(101, "evt-2", t0)]);
    await evaluate();
    await storeAuditChanges(pool(), [callback(100, "evt-3", t0 + 2_000)]);
    await evaluate();
    const { rows } = await pool().query<{ subject: string; state: string }>("SELECT subject, state FROM consistency_checks WHERE rule_id = $1 ORDER BY subject", [rule.id]);
    expect(rows).toEqual([
      { subject: '["100"]', state: "duplicate" },
      { subject: '["101"]', state: "waiting" },
    ]);
    const list = violationListSchema.parse(await listViolations(pool(), violationsQuerySchema.parse({ rule: rule.id }), Date.now()));
    expect(list.violations).toEqual([expect.objectContaining({ state: "duplicate", step: "at most 1 change per id", pk: { id: 100 } })]);
  });
});

describe("an edited rule", () => {
  it("keeps its open checks, and evaluates new changes by the new definition", async () => {
    const rule = await demoRule(0);
    const t0 = Date.now() - 60_000;
    await storeAuditChanges(pool(), [paymentSucceeds(11, 110, t0)]);
    await evaluate();
    await checkDeadlines(pool(), Date.now());
    const definition = structuredClone(rule.definition);
    if (definition.kind === "follows") definition.trigger.where = [{ column: "status", op: "becomes", value: "CAPTURED" }];
    await updateRule(pool(), rule.id, { name: rule.name, description: rule.description, enabled: true, definition });
    await storeAuditChanges(pool(), [paymentSucceeds(12, 120, t0)]);
    await evaluate();
    expect((await checksOf(rule.id)).map((c) => c.state)).toEqual(["missing"]);
  });
});
