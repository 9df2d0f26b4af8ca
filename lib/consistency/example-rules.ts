import type { z } from "zod";
import type { ruleBodySchema } from "./schemas";

// The demo shop's four rules (issue 14), as the rule editor offers them to copy: one for each
// kind of promise the rule language can state. Written as a user would type them (defaults left
// out); example-rules.test.ts keeps them valid against the contract.

export type RuleInput = z.input<typeof ruleBodySchema>;

export const EXAMPLE_RULES: readonly RuleInput[] = [
  {
    name: "Paid payment marks its order PAID",
    description: "When a payment becomes SUCCESS, its order becomes PAID within 30 s (a lost provider callback leaves it PENDING_PAYMENT).",
    definition: {
      kind: "follows",
      trigger: { table: "payments", ops: ["UPDATE"], where: [{ column: "status", op: "becomes", value: "SUCCESS" }] },
      expect: [{ label: "order becomes PAID", match: { table: "orders", ops: ["UPDATE"], where: [{ column: "status", op: "becomes", value: "PAID" }] }, link: [{ column: "id", equalsTriggerColumn: "order_id" }] }],
      withinSeconds: 30,
    },
  },
  {
    name: "One state change per provider callback",
    description: "A payment's state changes at most once per provider callback event (a callback processed twice changes it twice).",
    definition: {
      kind: "at-most",
      match: { table: "payments", ops: ["UPDATE"], where: [{ column: "status", op: "changed" }, { column: "callback_event_id", op: "not-null" }] },
      per: ["id", "callback_event_id"],
      max: 1,
      withinSeconds: 3600,
    },
  },
  {
    name: "Paid order with a coupon redeems it once",
    description: "A paid order with a coupon has exactly one coupon redemption within 60 s.",
    definition: {
      kind: "follows",
      trigger: { table: "orders", ops: ["UPDATE"], where: [{ column: "status", op: "becomes", value: "PAID" }, { column: "coupon_id", op: "not-null" }] },
      expect: [{ label: "coupon redeemed once", match: { table: "coupon_redemptions", ops: ["INSERT"] }, link: [{ column: "order_id", equalsTriggerColumn: "id" }], count: "exactly-one", lookBackSeconds: 60 }],
      withinSeconds: 60,
    },
  },
  {
    name: "Cancelled order is compensated",
    description: "An order that is cancelled gets its payment refunded within 120 s, when it had been paid (the Saga's compensation).",
    definition: {
      kind: "follows",
      trigger: { table: "orders", ops: ["UPDATE"], where: [{ column: "status", op: "becomes", value: "CANCELLED" }] },
      expect: [
        {
          label: "payment refunded",
          match: { table: "payments", ops: ["UPDATE"], where: [{ column: "status", op: "changed" }, { column: "status", op: "ne", value: "SUCCESS" }] },
          link: [{ column: "order_id", equalsTriggerColumn: "id" }],
          onlyIf: [{ column: "paid_at", op: "not-null" }],
        },
      ],
      withinSeconds: 120,
    },
  },
];
