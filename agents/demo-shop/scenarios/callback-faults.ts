import type { CallbackFaultMode } from "../faults";
import { placeOrder, type Scenario, type ScenarioName } from "./scenario";

// The provider's callback misbehaves for the next successful charge: delivered twice
// (duplicate-callback: the payment service's idempotency key makes the second a no-op), or
// never (lost-callback: the payment row says SUCCESS, the order stays unpaid until the expiry
// job gives up on it). The next charge may be a background shopper's; the outcome names
// whichever order it was.

function callbackFault(scenario: ScenarioName, mode: CallbackFaultMode, user: string): Scenario {
  return async (context) => {
    const { faults, tuning, lifecycle, log } = context;
    const settled = faults.armCallbackFault(mode);
    log(`${scenario}: the next successful charge's callback is ${mode === "drop" ? "lost" : "sent twice"}`);
    try {
      const placed = await placeOrder(context, user);
      const giveUp = lifecycle.sleep(tuning.callbackDelayMs * 4 + 5000).then(() => undefined);
      const key = await Promise.race([settled, giveUp]);
      if (!key) throw new Error(`${scenario}: no charge succeeded while the fault was armed`);
      const orderId = key.replace(/^order-/, "");
      return {
        scenario,
        traceIds: placed.orderId === orderId && placed.traceId ? [placed.traceId] : [],
        orderIds: [orderId],
        summary: mode === "drop" ? `order ${orderId} was charged but will never hear of it` : `order ${orderId} got its payment callback twice`,
      };
    } finally {
      faults.callbackFault = undefined;
    }
  };
}

export const duplicateCallback = callbackFault("duplicate-callback", "duplicate", "u-1007");
export const lostCallback = callbackFault("lost-callback", "drop", "u-1013");
