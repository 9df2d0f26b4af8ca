import type { RuleBody } from "./schemas";

// The four rules the demo shop ships with (issue 14), in the rule language of schemas.ts, keyed
// so start-up can create each once. Their deadlines fit the shop's timings (agents/demo-shop/
// tuning.ts): the provider calls back 800 ms after a charge, so a paid order follows its payment
// within about a second; 30 s leaves room for a slow callback without hiding a lost one for long.

export interface BuiltInRule extends RuleBody {
  key: string;
}

export const DEMO_RULES: BuiltInRule[] = [
  {
    key: "demo.paid-payment-confirms-order",
    name: "Paid payment confirms its order",
    description: "When a payment becomes SUCCESS, its order becomes PAID within 30 s (the provider's callback confirms it). A lost callback leaves the order unpaid.",
    enabled: true,
    definition: {
      kind: "follows",
      trigger: { table: "payments", ops: ["UPDATE"], where: [{ column: "status", op: "becomes", value: "SUCCESS" }] },
      expect: [
        {
          label: "order becomes PAID",
          match: { table: "orders", ops: ["UPDATE"], where: [{ column: "status", op: "becomes", value: "PAID" }] },
          link: [{ column: "id", equalsTriggerColumn: "order_id" }],
          count: "at-least-one",
          // The callback is timed from the charge, not from the SUCCESS write: on a loaded shop
          // the order can be marked paid a moment before the payment's own update commits.
          lookBackSeconds: 60,
          onlyIf: [],
        },
      ],
      withinSeconds: 30,
    },
  },
  {
    key: "demo.one-callback-per-payment",
    name: "One callback per payment",
    description: "A payment's callback event id is set once: a second change of it means a callback was processed twice.",
    enabled: true,
    definition: {
      kind: "at-most",
      match: { table: "payments", ops: ["UPDATE"], where: [{ column: "callback_event_id", op: "changed" }] },
      per: ["id"],
      max: 1,
      withinSeconds: 86_400,
    },
  },
  {
    key: "demo.paid-coupon-order-one-redemption",
    name: "Paid coupon order has exactly one redemption",
    description: "An order paid with a coupon has exactly one coupon redemption, made at checkout (before payment) or within 60 s after.",
    enabled: true,
    definition: {
      kind: "follows",
      trigger: { table: "orders", ops: ["UPDATE"], where: [{ column: "status", op: "becomes", value: "PAID" }, { column: "coupon_id", op: "not-null" }] },
      expect: [
        {
          label: "one coupon redemption for the order",
          match: { table: "coupon_redemptions", ops: ["INSERT"], where: [] },
          link: [{ column: "order_id", equalsTriggerColumn: "id" }],
          count: "exactly-one",
          lookBackSeconds: 600,
          onlyIf: [],
        },
      ],
      withinSeconds: 60,
    },
  },
  {
    key: "demo.cancelled-order-compensated",
    name: "Cancelled order is compensated",
    description: "The Saga's compensation: a cancelled order puts its stock back in the same transaction and, if it was paid, its payment is refunded within 30 s.",
    enabled: true,
    definition: {
      kind: "follows",
      trigger: { table: "orders", ops: ["UPDATE"], where: [{ column: "status", op: "becomes", value: "CANCELLED" }] },
      expect: [
        {
          label: "stock put back",
          match: { table: "inventory", ops: ["UPDATE"], where: [{ column: "on_hand", op: "increases" }] },
          link: [{ same: "transaction" }],
          count: "at-least-one",
          lookBackSeconds: 0,
          onlyIf: [],
        },
        {
          label: "payment refunded",
          match: { table: "payments", ops: ["UPDATE"], where: [{ column: "status", op: "becomes", value: "REFUNDED" }] },
          link: [{ column: "order_id", equalsTriggerColumn: "id" }],
          count: "at-least-one",
          lookBackSeconds: 0,
          onlyIf: [{ column: "status", op: "eq", value: "PAID", side: "before" }],
        },
      ],
      withinSeconds: 30,
    },
  },
];
