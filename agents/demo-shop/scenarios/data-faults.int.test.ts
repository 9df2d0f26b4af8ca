import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getPool } from "@/lib/db/client";
import { FAST_TUNING, exceptionsOf, spansOf, startTestShop, type TestShop } from "@/lib/testing/demo-shop-fixture";

// The scenarios that are about what happens to data: a real deadlock, and a payment callback
// that comes twice or never. Checked in Sightline's spans and in the shop's own tables.

let t: TestShop;
beforeAll(async () => {
  t = await startTestShop();
  // A stand-in for the audit trail: every real change of a payment's confirmation or an order's
  // paid state, as the db agent's trigger would see it.
  await t.shopDb.query(`
    CREATE TABLE test_changes (table_name text, row_id text, what text);
    CREATE FUNCTION test_record_change() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN INSERT INTO test_changes VALUES (TG_TABLE_NAME, NEW.id::text, TG_ARGV[0]); RETURN NEW; END $$;
    CREATE TRIGGER test_payment_confirmed AFTER UPDATE ON payments FOR EACH ROW
      WHEN (OLD.confirmed_at IS DISTINCT FROM NEW.confirmed_at OR OLD.callback_event_id IS DISTINCT FROM NEW.callback_event_id)
      EXECUTE FUNCTION test_record_change('confirmed');
    CREATE TRIGGER test_order_paid AFTER UPDATE ON orders FOR EACH ROW WHEN (NEW.status = 'PAID') EXECUTE FUNCTION test_record_change('paid');`);
}, 60_000);
afterAll(async () => {
  await t?.close();
  await getPool().end();
});

const stockOf = async (productId: number) => (await t.shopDb.query<{ on_hand: number }>("SELECT on_hand FROM inventory WHERE product_id = $1", [productId]))[0]!.on_hand;

describe("deadlock", () => {
  it("aborts one of the order and inventory transactions with 40P01 and rolls it back", async () => {
    const before = await stockOf(3);
    const outcome = await t.shop.trigger("deadlock");
    await t.shop.flush();
    const [orderId] = outcome.orderIds;
    const spans = await spansOf(t.shop.instanceId);
    const deadlocked = spans.filter((s) => s.attributes["db.response.status_code"] === "40P01");
    expect(deadlocked).toHaveLength(1);
    const [victim] = deadlocked;
    expect(victim).toMatchObject({ kind: 3, status_code: 2, status_message: expect.stringMatching(/deadlock detected/) });
    expect(victim!.attributes["db.operation.name"]).toBe("UPDATE");
    expect(["order", "inventory"]).toContain(victim!.service_name);
    const exceptions = await exceptionsOf(t.shop.instanceId);
    expect(exceptions.find((e) => e.span_id === victim!.span_id)).toMatchObject({ type: "DatabaseError", message: expect.stringMatching(/deadlock detected/) });
    // the victim's request failed with 500 at the gateway, the other one went through
    const roots = spans.filter((s) => outcome.traceIds.includes(s.trace_id) && !s.parent);
    expect(roots.map((s) => s.attributes["http.response.status_code"]).sort()).toEqual([200, 500]);

    // Only the survivor's changes are in the database: the checkout took one unit of product 3;
    // the cancellation puts it back, the shortage adjustment takes one more.
    const [order] = await t.shopDb.query<{ status: string }>("SELECT status FROM orders WHERE id = $1", [orderId]);
    if (victim!.service_name === "inventory") {
      expect(order!.status).toBe("CANCELLED");
      expect(await stockOf(3)).toBe(before);
    } else {
      expect(order!.status).toBe("BACKORDERED");
      expect(await stockOf(3)).toBe(before - 2);
    }
  });
});

describe("duplicate-callback", () => {
  it("gets two callback spans for one payment and changes the database once", async () => {
    const outcome = await t.shop.trigger("duplicate-callback");
    await sleep(300); // the e-mail for the paid order is still being sent
    await t.shop.flush();
    const [orderId] = outcome.orderIds;
    const spans = await spansOf(t.shop.instanceId);
    const callbacks = spans.filter((s) => s.service_name === "payment" && s.name === "POST /payments/callback" && s.attributes["payment.idempotency_key"] === `order-${orderId}`);
    expect(callbacks).toHaveLength(2);
    expect(callbacks.map((s) => s.attributes["payment.callback.duplicate"])).toEqual([false, true]);
    expect(callbacks.every((s) => s.attributes["http.response.status_code"] === 200)).toBe(true);
    expect(new Set(callbacks.map((s) => s.trace_id)).size).toBe(2); // two deliveries, two traces
    expect(spans.filter((s) => s.name === "POST /orders/:id/paid" && s.kind === 2 && s.attributes["order.id"] === orderId)).toHaveLength(1);
    expect(spans.filter((s) => s.name === "process notifications" && s.attributes["order.id"] === orderId)).toHaveLength(1);

    const [payment] = await t.shopDb.query<{ id: string; status: string }>("SELECT id::text, status FROM payments WHERE order_id = $1", [orderId]);
    expect(payment!.status).toBe("SUCCESS");
    // Both deliveries name the order and the payment, so the duplicate can be joined to the first.
    expect(callbacks.map((s) => [s.attributes["order.id"], s.attributes["payment.id"]])).toEqual([
      [orderId, payment!.id],
      [orderId, payment!.id],
    ]);
    const changes = await t.shopDb.query("SELECT table_name, what FROM test_changes WHERE (table_name, row_id) IN (('payments', $1), ('orders', $2))", [payment!.id, orderId]);
    expect(changes).toEqual([
      { table_name: "payments", what: "confirmed" },
      { table_name: "orders", what: "paid" },
    ]);
  });
});

describe("lost-callback", () => {
  it("leaves a successful payment whose order stays unpaid", async () => {
    const outcome = await t.shop.trigger("lost-callback");
    await sleep(FAST_TUNING.callbackDelayMs * 4); // time for a callback that is not coming
    await t.shop.flush();
    const [orderId] = outcome.orderIds;
    const [payment] = await t.shopDb.query("SELECT status, confirmed_at FROM payments WHERE order_id = $1", [orderId]);
    expect(payment).toMatchObject({ status: "SUCCESS", confirmed_at: null });
    const [order] = await t.shopDb.query("SELECT status, paid_at FROM orders WHERE id = $1", [orderId]);
    expect(order).toMatchObject({ status: "PENDING_PAYMENT", paid_at: null });
    const spans = await spansOf(t.shop.instanceId);
    expect(spans.filter((s) => s.attributes["payment.idempotency_key"] === `order-${orderId}`)).toEqual([]);
    // the checkout itself went through: the shopper was told the order is placed
    const checkout = spans.find((s) => outcome.traceIds.includes(s.trace_id) && !s.parent)!;
    expect(checkout.attributes).toMatchObject({ "http.response.status_code": 201, "order.id": orderId });
  });
});
