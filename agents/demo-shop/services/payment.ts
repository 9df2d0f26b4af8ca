import { z } from "zod";
import { BREAKER_STATE_VALUE, type CircuitBreaker } from "../circuit-breaker";
import { HttpError, TimeoutError } from "../errors";
import { parseBody } from "../parse-body";
import * as sc from "../semconv";
import { errorMessageOf, type ShopService } from "../service";
import type { ShopDb } from "../shop-db";
import { PROVIDER_BRAND, PROVIDER_NAME } from "./payment-provider";

// The payment service charges cards through the external provider, behind a circuit breaker
// and a client timeout. The payment row is written PENDING first under the checkout's
// idempotency key, then SUCCESS / DECLINED / TIMED_OUT / FAILED. The provider confirms a
// charge later by calling back; the callback is idempotent on that key — only the first one
// for a payment changes anything and tells the order service the order is paid.

const ChargeBody = z.object({
  orderId: z.string(),
  amountCents: z.number().int().positive(),
  currency: z.string().length(3),
  cardNumber: z.string(),
  idempotencyKey: z.string(),
});
const CallbackBody = z.object({ idempotencyKey: z.string(), eventId: z.string(), providerRef: z.string(), outcome: z.literal("succeeded") });

export function createPaymentService(service: ShopService, db: ShopDb, deps: { breaker: CircuitBreaker; providerTimeoutMs: number }): void {
  const { breaker } = deps;
  // Each charge attempt counts once, by how it ended; revenue counts successful charges in the
  // currency's major unit (one series per currency: amounts in different currencies never add up).
  const payments = service.meter.createCounter(sc.METRIC_PAYMENTS, { unit: "{payment}", description: "Charge attempts by outcome: success, declined, timed_out, failed, breaker_open." });
  const revenue = service.meter.createCounter(sc.METRIC_REVENUE, { unit: "{currency_unit}", description: "Amount charged successfully, in major units of the currency attribute." });
  service.meter
    .createObservableGauge(sc.METRIC_CIRCUIT_BREAKER_STATE, { unit: "1", description: "Circuit breaker state per dependency: 0 closed, 1 half-open, 2 open." })
    .addCallback((result) => result.observe(BREAKER_STATE_VALUE[breaker.state(Date.now())], { [sc.ATTR_PEER_SERVICE]: PROVIDER_NAME }));

  service.handle("POST", "/payments", async ({ ctx, body, span }) => {
    const charge = parseBody(ChargeBody, body);
    span.setAttributes({
      [sc.ATTR_ORDER_ID]: charge.orderId,
      [sc.ATTR_ORDER_AMOUNT]: charge.amountCents / 100,
      [sc.ATTR_ORDER_CURRENCY]: charge.currency,
      [sc.ATTR_PAYMENT_PROVIDER]: PROVIDER_BRAND,
    });
    const existing = await db.transaction(ctx, async (tx) => {
      const inserted = await tx.query<{ id: string }>(
        `INSERT INTO payments (order_id, idempotency_key, provider, amount_cents, currency, card_number, status)
         VALUES ($1, $2, $3, $4, $5, $6, 'PENDING') ON CONFLICT (idempotency_key) DO NOTHING RETURNING id`,
        [charge.orderId, charge.idempotencyKey, PROVIDER_BRAND, charge.amountCents, charge.currency, charge.cardNumber],
      );
      if (inserted.rows[0]) return { id: inserted.rows[0].id, status: "NEW" };
      const { rows } = await tx.query<{ id: string; status: string }>("SELECT id, status FROM payments WHERE idempotency_key = $1", [charge.idempotencyKey]);
      return rows[0]!;
    });
    span.setAttribute(sc.ATTR_PAYMENT_ID, existing.id);
    if (existing.status === "SUCCESS") return { status: 200, body: { paymentId: existing.id, status: "SUCCESS" } }; // a retried checkout is charged once
    const setStatus = (status: string, providerRef: string | null = null) =>
      db.transaction(ctx, (tx) =>
        tx.query("UPDATE payments SET status = $2, provider_ref = coalesce($3, provider_ref), updated_at = now() WHERE id = $1", [existing.id, status, providerRef]),
      );

    if (!breaker.tryAcquire(Date.now())) {
      await setStatus("FAILED");
      payments.add(1, { [sc.ATTR_SHOP_PAYMENT_OUTCOME]: "breaker_open" });
      throw new HttpError(503, `${PROVIDER_NAME} circuit breaker is open`);
    }
    let answer;
    try {
      answer = await service.call<{ ref: string }>(
        ctx,
        PROVIDER_NAME,
        { method: "POST", path: "/v1/charges", body: { idempotencyKey: charge.idempotencyKey, amountCents: charge.amountCents, currency: charge.currency, cardNumber: charge.cardNumber } },
        { timeoutMs: deps.providerTimeoutMs },
      );
    } catch (error) {
      breaker.onFailure(Date.now());
      payments.add(1, { [sc.ATTR_SHOP_PAYMENT_OUTCOME]: error instanceof TimeoutError ? "timed_out" : "failed" });
      if (!(error instanceof TimeoutError)) throw error;
      await setStatus("TIMED_OUT");
      throw new HttpError(504, error.message, { cause: error });
    }
    if (answer.status === 402) {
      breaker.onSuccess(); // a decline is the provider working as it should
      await setStatus("DECLINED");
      payments.add(1, { [sc.ATTR_SHOP_PAYMENT_OUTCOME]: "declined" });
      throw new HttpError(402, errorMessageOf(answer) ?? "card declined");
    }
    if (answer.status >= 400) {
      breaker.onFailure(Date.now());
      await setStatus("FAILED");
      payments.add(1, { [sc.ATTR_SHOP_PAYMENT_OUTCOME]: "failed" });
      throw new HttpError(502, `${PROVIDER_NAME} answered ${answer.status}: ${errorMessageOf(answer) ?? ""}`.trim());
    }
    breaker.onSuccess();
    await setStatus("SUCCESS", answer.body.ref);
    payments.add(1, { [sc.ATTR_SHOP_PAYMENT_OUTCOME]: "success" });
    revenue.add(charge.amountCents / 100, { [sc.ATTR_SHOP_CURRENCY]: charge.currency });
    return { status: 201, body: { paymentId: existing.id, status: "SUCCESS" } };
  });

  service.handle("POST", "/payments/callback", async ({ ctx, body, span }) => {
    const callback = parseBody(CallbackBody, body);
    span.setAttributes({ [sc.ATTR_PAYMENT_PROVIDER]: PROVIDER_BRAND, "payment.idempotency_key": callback.idempotencyKey, "payment.callback.event_id": callback.eventId });
    const { rows } = await db.transaction(ctx, (tx) =>
      tx.query<{ id: string; order_id: string }>(
        "UPDATE payments SET callback_event_id = $2, confirmed_at = now(), updated_at = now() WHERE idempotency_key = $1 AND callback_event_id IS NULL RETURNING id, order_id",
        [callback.idempotencyKey, callback.eventId],
      ),
    );
    const payment = rows[0];
    if (!payment) {
      // A duplicate still names its payment and order, so Sightline can join it to the trace
      // that did the work (same operation, same business key) instead of showing an orphan.
      const { rows: known } = await db.query<{ id: string; order_id: string }>(ctx, "SELECT id, order_id FROM payments WHERE idempotency_key = $1", [callback.idempotencyKey]);
      if (known[0]) span.setAttributes({ [sc.ATTR_PAYMENT_ID]: known[0].id, [sc.ATTR_ORDER_ID]: known[0].order_id });
      span.setAttribute("payment.callback.duplicate", true);
      return { body: { duplicate: true, paymentId: known[0]?.id } };
    }
    span.setAttributes({ [sc.ATTR_PAYMENT_ID]: payment.id, [sc.ATTR_ORDER_ID]: payment.order_id, "payment.callback.duplicate": false });
    await service.callOk(ctx, "order", { method: "POST", path: `/orders/${payment.order_id}/paid`, body: { paymentId: payment.id } });
    return { body: { duplicate: false, paymentId: payment.id } };
  });
}
