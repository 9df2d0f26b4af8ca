import { z } from "zod";
import { HttpError, sqlStateOf } from "../errors";
import type { Faults } from "../faults";
import { parseBody } from "../parse-body";
import * as sc from "../semconv";
import type { ShopService } from "../service";
import type { ShopDb } from "../shop-db";

// The inventory service: the catalogue with stock, reservations for checkouts (taken in
// product order, so concurrent checkouts queue rather than deadlock), releases, and the
// warehouse's stock adjustments, which also backorder the orders a shortage hits.

const Items = z.array(z.object({ productId: z.number().int(), quantity: z.number().int().positive() })).min(1);
const ReserveBody = z.object({ orderId: z.string(), items: Items });
const ReleaseBody = z.object({ orderId: z.string() });
const AdjustBody = z.object({ delta: z.number().int(), orderIds: z.array(z.string()).default([]) });

const CATALOGUE_SQL = `SELECT p.id, p.sku, p.name, p.price_cents, p.currency, i.on_hand
  FROM products p JOIN inventory i ON i.product_id = p.id`;

export function createInventoryService(service: ShopService, db: ShopDb, faults: Faults): void {
  service.handle("GET", "/products", async ({ ctx }) => {
    const { rows } = await db.query(ctx, `${CATALOGUE_SQL} ORDER BY p.id`);
    return { body: { products: rows } };
  });

  service.handle("GET", "/products/:id", async ({ ctx, params }) => {
    const { rows } = await db.query(ctx, `${CATALOGUE_SQL} WHERE p.id = $1`, [Number(params.id)]);
    if (!rows[0]) throw new HttpError(404, `no product ${params.id}`);
    return { body: rows[0] };
  });

  service.handle("GET", "/inventory/:productId", async ({ ctx, params }) => {
    const { rows } = await db.query<{ on_hand: number }>(ctx, "SELECT on_hand FROM inventory WHERE product_id = $1", [Number(params.productId)]);
    if (!rows[0]) throw new HttpError(404, `no product ${params.productId}`);
    return { body: { productId: Number(params.productId), onHand: rows[0].on_hand } };
  });

  service.handle("POST", "/inventory/reservations", async ({ ctx, body, span }) => {
    const { orderId, items } = parseBody(ReserveBody, body);
    span.setAttribute(sc.ATTR_ORDER_ID, orderId);
    await db.transaction(ctx, async (tx) => {
      for (const item of [...items].sort((a, b) => a.productId - b.productId)) {
        const { rowCount } = await tx.query("UPDATE inventory SET on_hand = on_hand - $2, updated_at = now() WHERE product_id = $1 AND on_hand >= $2", [
          item.productId,
          item.quantity,
        ]);
        if (!rowCount) throw new HttpError(409, `product ${item.productId} is out of stock`);
      }
    });
    return { status: 201, body: { orderId, reserved: items } };
  });

  service.handle("POST", "/inventory/releases", async ({ ctx, body, span }) => {
    const { orderId } = parseBody(ReleaseBody, body);
    span.setAttribute(sc.ATTR_ORDER_ID, orderId);
    await db.transaction(ctx, (tx) =>
      tx.query("UPDATE inventory i SET on_hand = i.on_hand + oi.quantity, updated_at = now() FROM order_items oi WHERE oi.order_id = $1 AND i.product_id = oi.product_id", [
        orderId,
      ]),
    );
    return { body: { orderId, released: true } };
  });

  // Stock row first, then the orders it backorders: the reverse of the order service's
  // cancellation, which is what lets the two deadlock.
  service.handle("POST", "/inventory/:productId/adjust", async ({ ctx, params, body }) => {
    const productId = Number(params.productId);
    const { delta, orderIds } = parseBody(AdjustBody, body);
    try {
      const onHand = await db.transaction(ctx, async (tx) => {
        const { rows } = await tx.query<{ on_hand: number }>(
          "UPDATE inventory SET on_hand = greatest(on_hand + $2, 0), updated_at = now() WHERE product_id = $1 RETURNING on_hand",
          [productId, delta],
        );
        if (!rows[0]) throw new HttpError(404, `no product ${productId}`);
        const deadlock = faults.deadlock;
        if (deadlock && orderIds.includes(deadlock.orderId)) await deadlock.meet();
        if (orderIds.length) {
          await tx.query("UPDATE orders SET status = 'BACKORDERED', updated_at = now() WHERE id = ANY($1::bigint[]) AND status IN ('NEW', 'PENDING_PAYMENT', 'PAID')", [orderIds]);
        }
        return rows[0].on_hand;
      });
      return { body: { productId, onHand, backordered: orderIds } };
    } catch (error) {
      if (sqlStateOf(error) === "40P01") throw new HttpError(500, "deadlock while adjusting stock", { cause: error });
      throw error;
    }
  });
}
