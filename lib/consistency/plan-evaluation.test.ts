import { describe, expect, it } from "vitest";
import { DEMO_RULES } from "./demo-rules";
import type { EvaluatedChange } from "./match-change";
import { planEvaluation, SIGHTING_GRACE_MS, type LoadedRule } from "./plan-evaluation";
import { ruleDefinitionSchema } from "./schemas";
import { tableNamesOf } from "./rule-tables";

const rules: LoadedRule[] = DEMO_RULES.map((rule, i) => ({ id: `r${i}`, revision: 1, definition: ruleDefinitionSchema.parse(rule.definition) }));
const base = { database: "shop", schema: "public", changedColumns: [] as string[], txid: "9", traceId: null, committedAtMs: 1_000, committedAt: "1970-01-01 00:00:01+00" };

describe("planEvaluation with the demo rules", () => {
  it("starts a check for a cancelled paid order, expecting stock back in its transaction and a refund", () => {
    const cancel: EvaluatedChange = { ...base, id: "c", table: "orders", op: "UPDATE", pk: { id: 7 }, before: { id: 7, status: "PAID" }, after: { id: 7, status: "CANCELLED" }, changedColumns: ["status"] };
    const plan = planEvaluation(rules, [cancel]);
    expect(plan.checks).toHaveLength(1);
    expect(plan.checks[0]).toMatchObject({ ruleId: "r3", deadlineAtMs: 31_000 });
    expect(plan.checks[0]!.steps).toEqual([
      expect.objectContaining({ label: "stock put back", linkKey: '["tx:shop:9"]', expected: true }),
      expect.objectContaining({ label: "payment refunded", linkKey: '["7"]', expected: true }),
    ]);
    const unpaid = planEvaluation(rules, [{ ...cancel, before: { id: 7, status: "PENDING_PAYMENT" } }]);
    expect(unpaid.checks[0]!.steps[1]!.expected).toBe(false);
  });

  it("records a redemption as a sighting kept for its look-back and the grace", () => {
    const redemption: EvaluatedChange = { ...base, id: "r", table: "coupon_redemptions", op: "INSERT", pk: { id: 1 }, before: null, after: { id: 1, order_id: 7 } };
    const plan = planEvaluation(rules, [redemption]);
    expect(plan.checks).toEqual([]);
    expect(plan.sightings).toEqual([expect.objectContaining({ ruleId: "r2", stepIndex: 0, linkKey: '["7"]', keepUntilMs: 1_000 + 600_000 + SIGHTING_GRACE_MS })]);
  });

  it("counts a callback by payment id", () => {
    const callback: EvaluatedChange = { ...base, id: "p", table: "payments", op: "UPDATE", pk: { id: 3 }, before: { id: 3, callback_event_id: null }, after: { id: 3, callback_event_id: "e" }, changedColumns: ["callback_event_id"] };
    expect(planEvaluation(rules, [callback]).counts).toEqual([expect.objectContaining({ ruleId: "r1", key: '["3"]', max: 1, withinMs: 86_400_000 })]);
  });

  it("reads only the tables the rules name", () => {
    expect(tableNamesOf(rules).sort()).toEqual(["coupon_redemptions", "inventory", "orders", "payments"]);
  });
});
