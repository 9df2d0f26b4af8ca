import { randomUUID } from "node:crypto";
import { ROOT_CONTEXT, SpanKind, trace } from "@opentelemetry/api";
import { z } from "zod";
import { recordError } from "../errors";
import type { Faults } from "../faults";
import type { Lifecycle } from "../lifecycle";
import { parseBody } from "../parse-body";
import type { ShopService } from "../service";

// The external card processor ("acmepay"), simulated with its own telemetry as a partner's
// system would have. A charge is answered at once; the confirmation comes later as a callback
// to the payment service, in a trace of its own linked to the charge (webhooks carry no trace
// context of ours). Faults: an outage (it stops answering), a callback sent twice, or never.

export const PROVIDER_NAME = "payment-provider";
export const PROVIDER_BRAND = "acmepay";
/** The test card the provider always declines. */
export const DECLINED_CARD = "4000000000000002";

const ChargeBody = z.object({ idempotencyKey: z.string(), amountCents: z.number(), currency: z.string(), cardNumber: z.string() });

export function createPaymentProvider(service: ShopService, deps: { faults: Faults; lifecycle: Lifecycle; latencyMs: number; callbackDelayMs: number; onError: (error: unknown) => void }): void {
  const { faults, lifecycle } = deps;

  const deliver = async (chargeSpanContext: ReturnType<typeof trace.getSpanContext>, body: Record<string, string>, attempt: number) => {
    const span = service.tracer.startSpan("deliver webhook", {
      kind: SpanKind.INTERNAL,
      links: chargeSpanContext ? [{ context: chargeSpanContext }] : [],
      attributes: { "webhook.event_id": body.eventId!, "webhook.attempt": attempt },
    }, ROOT_CONTEXT);
    try {
      await service.call(trace.setSpan(ROOT_CONTEXT, span), "payment", { method: "POST", path: "/payments/callback", body });
    } catch (error) {
      recordError(span, error);
      throw error;
    } finally {
      span.end();
    }
  };

  service.handle("POST", "/v1/charges", async ({ ctx, body, span }) => {
    const outage = faults.providerOutage;
    if (outage) {
      span.addEvent("backend unavailable: request held");
      await lifecycle.waitFor(outage); // the caller has long given up by the time this answers
      return { status: 503, body: { error: "service unavailable" } };
    }
    const charge = parseBody(ChargeBody, body);
    await lifecycle.sleep(deps.latencyMs * (0.5 + Math.random()));
    if (charge.cardNumber === DECLINED_CARD) return { status: 402, body: { error: "card declined" } };

    const ref = `ch_${randomUUID().replaceAll("-", "").slice(0, 20)}`;
    span.setAttribute("charge.ref", ref);
    const fault = faults.takeCallbackFault();
    const callback = { idempotencyKey: charge.idempotencyKey, eventId: `evt_${randomUUID().slice(0, 18)}`, providerRef: ref, outcome: "succeeded" };
    const chargeContext = trace.getSpanContext(ctx);
    lifecycle.spawn(async () => {
      try {
        if (fault?.mode === "drop") return; // lost: the provider's delivery never reaches the shop
        await lifecycle.sleep(deps.callbackDelayMs * (0.75 + Math.random() / 2));
        await deliver(chargeContext, callback, 1);
        if (fault?.mode === "duplicate") {
          await lifecycle.sleep(Math.min(200, deps.callbackDelayMs / 4)); // the same event delivered again, as at-least-once webhooks do
          await deliver(chargeContext, callback, 2);
        }
      } finally {
        fault?.settle(charge.idempotencyKey);
      }
    }, deps.onError);
    return { status: 201, body: { ref, status: "succeeded" } };
  });
}
