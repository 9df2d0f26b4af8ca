import { z } from "zod";
import { HttpError, sqlStateOf } from "../errors";
import type { Faults } from "../faults";
import { parseBody } from "../parse-body";
import * as sc from "../semconv";
import type { ShopService } from "../service";
import type { ShopDb } from "../shop-db";
import type { NotificationQueue } from "./notification";
import { checkoutHandler } from "./order-checkout";

// The order service: checkout (order-checkout.ts), a shopper's orders, the payment
// confirmation that marks an order paid and tells the notification service, cancellation
// (which puts the stock back and refunds a paid order's payment: the Saga's compensation), and
// the sales report an analyst runs against the same pool.

const PaidBody = z.object({ paymentId: z.string() });
const CANCELLABLE = ["NEW", "PENDING_PAYMENT", "PAID", "BACKORDERED"];

export function createOrderService(service: ShopService, db: ShopDb, deps: { faults: Faults; queue: NotificationQueue }): void {
  service.handle("POST", "/orders", checkoutHandler(service, db));

  service.handle("GET", "/orders", async ({ ctx, query }) => {
    if (!query.customer) throw new HttpError(400, "customer is required");
    const { rows } = await db.query(ctx, "SELECT id, status, total_cents, currency, created_at FROM orders WHERE customer_id = $1 ORDER BY created_at DESC LIMIT 10", [
      query.customer,
    ]);
    return { body: { orders: rows } };
  });

  service.handle("GET", "/orders/:id", async ({ ctx, params, span }) => {
    span.setAttribute(sc.ATTR_ORDER_ID, params.id!);
    const { rows } = await db.query(
      ctx,
      `SELECT o.id, o.status, o.total_cents, o.currency, o.created_at, o.paid_at,
              coalesce(json_agg(json_build_object('productId', i.product_id, 'quantity', i.quantity)) FILTER (WHERE i.product_id IS NOT NULL), '[]') AS items
         FROM orders o LEFT JOIN order_items i ON i.order_id = o.id WHERE o.id = $1 GROUP BY o.id`,
      [params.id],
    );
    if (!rows[0]) throw new HttpError(404, `no order ${params.id}`);
    return { body: rows[0] };
  });

  service.handle("POST", "/orders/:id/paid", async ({ ctx, params, body, span }) => {
    const { paymentId } = parseBody(PaidBody, body);
    span.setAttributes({ [sc.ATTR_ORDER_ID]: params.id!, [sc.ATTR_PAYMENT_ID]: paymentId });
    const { rows } = await db.transaction(ctx, (tx) =>
      tx.query<{ customer_id: string; total_cents: number; currency: string }>(
        "UPDATE orders SET status = 'PAID', paid_at = now(), updated_at = now() WHERE id = $1 AND status IN ('NEW', 'PENDING_PAYMENT') RETURNING customer_id, total_cents, currency",
        [params.id],
      ),
    );
    const paid = rows[0];
    if (!paid) throw new HttpError(409, `order ${params.id} is not awaiting payment`);
    span.setAttributes({ [sc.ATTR_ORDER_AMOUNT]: paid.total_cents / 100, [sc.ATTR_ORDER_CURRENCY]: paid.currency });
    deps.queue.publish(service, ctx, { type: "order.paid", orderId: params.id!, customerId: paid.customer_id });
    return { body: { orderId: params.id, status: "PAID" } };
  });

  // Locks the order row, then the stock rows of its items. The inventory service's stock
  // adjustment takes the same rows in the opposite order: the deadlock scenario's two halves.
  service.handle("POST", "/orders/:id/cancel", async ({ ctx, params, span }) => {
    const id = params.id!;
    span.setAttribute(sc.ATTR_ORDER_ID, id);
    try {
      await db.transaction(ctx, async (tx) => {
        // The status before the cancel (read under the row lock the UPDATE then holds): only a
        // paid order has a payment to give back.
        const { rows } = await tx.query<{ status: string }>("SELECT status FROM orders WHERE id = $1 FOR UPDATE", [id]);
        const was = rows[0]?.status;
        if (!was || !CANCELLABLE.includes(was)) throw new HttpError(409, `order ${id} cannot be cancelled`);
        await tx.query("UPDATE orders SET status = 'CANCELLED', updated_at = now() WHERE id = $1", [id]);
        if (deps.faults.deadlock?.orderId === id) await deps.faults.deadlock.meet();
        await tx.query(
          "UPDATE inventory i SET on_hand = i.on_hand + oi.quantity, updated_at = now() FROM order_items oi WHERE oi.order_id = $1 AND i.product_id = oi.product_id",
          [id],
        );
        // The refund, in the cancel's transaction (the demo's provider refunds at once): a paid
        // order's charge, whether SUCCESS or confirmed by a callback after a client timeout.
        if (was === "PAID") {
          await tx.query("UPDATE payments SET status = 'REFUNDED', updated_at = now() WHERE order_id = $1 AND status <> 'REFUNDED' AND (status = 'SUCCESS' OR callback_event_id IS NOT NULL)", [id]);
        }
      });
    } catch (error) {
      if (sqlStateOf(error) === "40P01") throw new HttpError(500, "deadlock while cancelling the order", { cause: error });
      throw error;
    }
    return { body: { orderId: id, status: "CANCELLED" } };
  });

  service.handle("GET", "/reports/sales", async ({ ctx }) => {
    const rows = await db.transaction(ctx, async (tx) => {
      // The analyst's report: a stall stands in for a heavy scan while the pool-exhaustion fault is on.
      if (deps.faults.reportStallMs > 0) await tx.query("SELECT pg_sleep($1)", [deps.faults.reportStallMs / 1000]);
      const { rows } = await tx.query(
        "SELECT date_trunc('hour', created_at) AS hour, count(*)::int AS orders, coalesce(sum(total_cents), 0)::bigint AS revenue_cents FROM orders WHERE created_at > now() - interval '1 day' AND status = 'PAID' GROUP BY 1 ORDER BY 1",
      );
      return rows;
    });
    return { body: { hours: rows } };
  });
}
