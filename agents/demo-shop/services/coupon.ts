import { z } from "zod";
import { HttpError } from "../errors";
import type { Faults } from "../faults";
import { parseBody } from "../parse-body";
import * as sc from "../semconv";
import type { Context } from "@opentelemetry/api";
import type { ShopService } from "../service";
import type { ShopDb } from "../shop-db";

// The coupon service: looks codes up and redeems them for orders. Redemption counts on the
// coupon's own row, so a popular code is a hot row that concurrent checkouts queue on. During
// the peak-slowdown fault each lookup stalls; with a small pool, waiting for a connection
// then grows with the load — the dependency that gets slower exactly when traffic peaks.

const RedeemBody = z.object({ couponId: z.string(), orderId: z.string(), customerId: z.string(), subtotalCents: z.number().int().nonnegative() });

interface Coupon {
  id: string;
  kind: "percent" | "fixed";
  value: number;
  valid: boolean;
}

export function createCouponService(service: ShopService, db: ShopDb, faults: Faults): void {
  const redeemed = service.meter.createCounter(sc.METRIC_COUPONS_REDEEMED, { unit: "{redemption}", description: "Coupons redeemed for orders, by code." });
  const lookup = async (ctx: Context, code: string): Promise<Coupon | undefined> => {
    const columns = "id, kind, value, valid_until > now() AND (max_redemptions IS NULL OR redemptions < max_redemptions) AS valid";
    const { rows } =
      faults.couponStallMs > 0
        ? await db.query<Coupon>(ctx, `SELECT ${columns}, pg_sleep($2) FROM coupons WHERE id = $1`, [code, faults.couponStallMs / 1000])
        : await db.query<Coupon>(ctx, `SELECT ${columns} FROM coupons WHERE id = $1`, [code]);
    return rows[0];
  };

  service.handle("GET", "/coupons/:code", async ({ ctx, params, span }) => {
    span.setAttribute(sc.ATTR_COUPON_ID, params.code!);
    const coupon = await lookup(ctx, params.code!);
    if (!coupon) throw new HttpError(404, `no coupon ${params.code}`);
    return { body: { couponId: coupon.id, kind: coupon.kind, value: coupon.value, valid: coupon.valid } };
  });

  service.handle("POST", "/coupons/redemptions", async ({ ctx, body, span }) => {
    const request = parseBody(RedeemBody, body);
    span.setAttributes({ [sc.ATTR_COUPON_ID]: request.couponId, [sc.ATTR_ORDER_ID]: request.orderId });
    const coupon = await lookup(ctx, request.couponId);
    if (!coupon) throw new HttpError(404, `no coupon ${request.couponId}`);
    if (!coupon.valid) throw new HttpError(422, `coupon ${request.couponId} has expired or is used up`);
    const discountCents = await db.transaction(ctx, async (tx) => {
      const { rowCount } = await tx.query(
        "UPDATE coupons SET redemptions = redemptions + 1 WHERE id = $1 AND valid_until > now() AND (max_redemptions IS NULL OR redemptions < max_redemptions)",
        [coupon.id],
      );
      if (!rowCount) throw new HttpError(422, `coupon ${coupon.id} was used up meanwhile`);
      const discount = coupon.kind === "percent" ? Math.round((request.subtotalCents * coupon.value) / 100) : Math.min(coupon.value, request.subtotalCents);
      await tx.query("INSERT INTO coupon_redemptions (coupon_id, order_id, customer_id, discount_cents) VALUES ($1, $2, $3, $4)", [
        coupon.id,
        request.orderId,
        request.customerId,
        discount,
      ]);
      return discount;
    });
    redeemed.add(1, { [sc.ATTR_SHOP_COUPON_CODE]: coupon.id });
    return { status: 201, body: { couponId: coupon.id, discountCents } };
  });
}
