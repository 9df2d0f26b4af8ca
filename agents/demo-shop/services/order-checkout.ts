import { z } from "zod";
import { HttpError } from "../errors";
import { parseBody } from "../parse-body";
import * as sc from "../semconv";
import { errorMessageOf, type Incoming, type ShopService } from "../service";
import type { ShopDb } from "../shop-db";

// Placing an order, the longest path through the shop: create the order and its items,
// reserve stock (inventory), redeem a coupon (coupon), then charge (payment → provider). The
// order waits in PENDING_PAYMENT until the provider's callback confirms the charge. A decline
// or an open breaker releases the stock at once; a timeout leaves the outcome unknown, so the
// order stays pending until the expiry job gives up on it.

const CheckoutBody = z.object({
  items: z.array(z.object({ productId: z.number().int().positive(), quantity: z.number().int().positive() })).min(1),
  couponCode: z.string().optional(),
  cardNumber: z.string(),
});

export function checkoutHandler(service: ShopService, db: ShopDb) {
  const ordersCreated = service.meter.createCounter(sc.METRIC_ORDERS_CREATED, { unit: "{order}", description: "Orders created at checkout, by currency." });
  return async (request: Incoming) => {
    const body = parseBody(CheckoutBody, request.body);
    const customerId = request.enduserId;
    if (!customerId) throw new HttpError(401, "no customer on the request");
    const { ctx, span } = request;
    const items = [...body.items].sort((a, b) => a.productId - b.productId); // one lock order for every transaction that touches these rows

    const order = await db.transaction(ctx, async (tx) => {
      const { rows: prices } = await tx.query<{ id: number; price_cents: number; currency: string }>(
        "SELECT id, price_cents, currency FROM products WHERE id = ANY($1::int[])",
        [items.map((item) => item.productId)],
      );
      if (prices.length !== items.length) throw new HttpError(400, "unknown product in the basket");
      const priceOf = new Map(prices.map((p) => [p.id, p.price_cents]));
      const subtotal = items.reduce((sum, item) => sum + priceOf.get(item.productId)! * item.quantity, 0);
      const currency = prices[0]!.currency;
      const { rows } = await tx.query<{ id: string }>(
        "INSERT INTO orders (customer_id, status, subtotal_cents, total_cents, currency) VALUES ($1, 'NEW', $2, $2, $3) RETURNING id",
        [customerId, subtotal, currency],
      );
      const id = rows[0]!.id;
      await tx.query(
        "INSERT INTO order_items (order_id, product_id, quantity, unit_price_cents) SELECT $1, * FROM unnest($2::int[], $3::int[], $4::int[])",
        [id, items.map((i) => i.productId), items.map((i) => i.quantity), items.map((i) => priceOf.get(i.productId))],
      );
      return { id, subtotal, currency };
    });
    span.setAttributes({ [sc.ATTR_ORDER_ID]: order.id, [sc.ATTR_ORDER_CURRENCY]: order.currency, [sc.ATTR_ORDER_AMOUNT]: order.subtotal / 100 });
    ordersCreated.add(1, { [sc.ATTR_SHOP_CURRENCY]: order.currency });
    const setStatus = (status: string) => db.transaction(ctx, (tx) => tx.query("UPDATE orders SET status = $2, updated_at = now() WHERE id = $1", [order.id, status]));

    const reserved = await service.call(ctx, "inventory", { method: "POST", path: "/inventory/reservations", body: { orderId: order.id, items } });
    if (reserved.status >= 400) {
      await setStatus("REJECTED");
      throw new HttpError(reserved.status === 409 ? 409 : 502, errorMessageOf(reserved) ?? "stock could not be reserved");
    }

    let discount = 0;
    if (body.couponCode) {
      span.setAttribute(sc.ATTR_COUPON_ID, body.couponCode);
      const redeemed = await service.call<{ discountCents: number }>(ctx, "coupon", {
        method: "POST",
        path: "/coupons/redemptions",
        body: { couponId: body.couponCode, orderId: order.id, customerId, subtotalCents: order.subtotal },
      });
      // An invalid or unreachable coupon service does not lose the sale: the order goes on at full price.
      if (redeemed.status < 300) discount = redeemed.body.discountCents;
      else span.addEvent("coupon not applied", { [sc.ATTR_COUPON_ID]: body.couponCode, reason: errorMessageOf(redeemed) ?? String(redeemed.status) });
    }
    const total = order.subtotal - discount;
    await db.transaction(ctx, (tx) =>
      tx.query("UPDATE orders SET status = 'PENDING_PAYMENT', discount_cents = $2, total_cents = $3, coupon_id = $4, updated_at = now() WHERE id = $1", [
        order.id,
        discount,
        total,
        discount > 0 ? body.couponCode : null,
      ]),
    );
    span.setAttribute(sc.ATTR_ORDER_AMOUNT, total / 100);

    const paid = await service.call<{ paymentId: string }>(ctx, "payment", {
      method: "POST",
      path: "/payments",
      body: { orderId: order.id, amountCents: total, currency: order.currency, cardNumber: body.cardNumber, idempotencyKey: `order-${order.id}` },
    });
    if (paid.status >= 400) {
      if (paid.status !== 504) {
        await setStatus("PAYMENT_FAILED");
        await service.call(ctx, "inventory", { method: "POST", path: "/inventory/releases", body: { orderId: order.id } });
      }
      throw new HttpError(paid.status, errorMessageOf(paid) ?? `payment failed (${paid.status})`);
    }
    return {
      status: 201,
      body: { orderId: order.id, status: "PENDING_PAYMENT", paymentId: paid.body.paymentId, totalCents: total, currency: order.currency },
    };
  };
}
