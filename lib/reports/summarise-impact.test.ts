import { describe, expect, it } from "vitest";
import { REPORT_ATTRIBUTES } from "./report-attributes";
import { summariseImpact } from "./summarise-impact";
import { summariseStateLeft } from "./summarise-state-left";

const examined = { timedOutTraces: 3, truncated: false };

// Three timed-out checkouts: two customers, three orders (one of them restates its amount after
// a discount), one order's currency only on its entry span.
const rows = [
  { traceId: "t1", startNs: 1, attributes: { "enduser.id": "u-1", "order.currency": "EUR" } },
  { traceId: "t1", startNs: 2, attributes: { "enduser.id": "u-1", "order.id": "101", "order.amount": 50 } },
  { traceId: "t1", startNs: 3, attributes: { "order.id": "101", "order.amount": 45 } },
  { traceId: "t2", startNs: 1, attributes: { "enduser.id": "u-2" } },
  { traceId: "t2", startNs: 2, attributes: { "order.id": 102, "order.amount": "19.99", "order.currency": "USD" } },
  { traceId: "t3", startNs: 1, attributes: { "enduser.id": "u-1", "order.id": "103", "order.amount": 5, "order.currency": "eur" } },
];

describe("summariseImpact", () => {
  it("counts distinct customers and orders, and money per currency from each order's last stated amount", () => {
    const { impact, orders } = summariseImpact(rows, REPORT_ATTRIBUTES, examined);
    expect(impact.customers).toEqual({ count: 2, ids: ["u-1", "u-2"] });
    expect(impact.orders.count).toBe(3);
    expect(impact.moneyByCurrency).toEqual([
      { currency: "EUR", amount: 50, orders: 2 },
      { currency: "USD", amount: 19.99, orders: 1 },
    ]);
    expect(orders.find((o) => o.orderId === "101")).toEqual({ orderId: "101", traceId: "t1", amount: 45, currency: "EUR" });
  });
});

describe("summariseStateLeft", () => {
  const { orders } = summariseImpact(rows, REPORT_ATTRIBUTES, examined);

  it("lists orders whose last audited status is unpaid, with their money", () => {
    const state = summariseStateLeft(
      orders,
      [
        { orderId: "101", status: "NEW", committedAtMs: 10 },
        { orderId: "101", status: "PENDING_PAYMENT", committedAtMs: 20 },
        { orderId: "102", status: "PENDING_PAYMENT", committedAtMs: 20 },
        { orderId: "102", status: "PAID", committedAtMs: 30 },
      ],
      [],
      REPORT_ATTRIBUTES.audit,
    );
    expect(state.ordersChecked).toBe(3);
    expect(state.ordersWithoutAudit).toBe(1);
    expect(state.unpaid.count).toBe(1);
    expect(state.unpaid.orders).toEqual([{ orderId: "101", status: "PENDING_PAYMENT", changedAtMs: 20, amount: 45, currency: "EUR", traceId: "t1" }]);
    expect(state.unpaid.moneyByCurrency).toEqual([{ currency: "EUR", amount: 45, orders: 1 }]);
  });

  it("finds payments recorded as timed out that later succeeded or were confirmed", () => {
    const state = summariseStateLeft(
      orders,
      [],
      [
        { paymentId: "p1", orderId: "101", status: "PENDING", confirmed: false, committedAtMs: 1 },
        { paymentId: "p1", orderId: "101", status: "TIMED_OUT", confirmed: false, committedAtMs: 2 },
        { paymentId: "p1", orderId: "101", status: "TIMED_OUT", confirmed: true, committedAtMs: 9 },
        { paymentId: "p2", orderId: "102", status: "TIMED_OUT", confirmed: false, committedAtMs: 3 },
        { paymentId: "p3", orderId: "103", status: "SUCCESS", confirmed: false, committedAtMs: 4 },
      ],
      REPORT_ATTRIBUTES.audit,
    );
    expect(state.paymentsRecovered).toEqual([{ paymentId: "p1", orderId: "101", timedOutAtMs: 2, succeededAtMs: 9 }]);
  });
});
