import { randomBasket } from "../shopper";
import { traceIdsOf, type Scenario } from "./scenario";

// The payment provider stops answering for a while. Payment's client call gives up after its
// timeout, so checkouts fail with 504 at the gateway; the held provider span outlasts them all.
// Background checkouts during the outage fail the same way, and enough of them open payment's
// circuit breaker (503s, fast) until the provider is back.

export const paymentTimeout: Scenario = async ({ client, faults, tuning, lifecycle, random, log }) => {
  let recover = () => {};
  faults.providerOutage = new Promise<void>((resolve) => (recover = resolve));
  const started = Date.now();
  log(`payment-timeout: the payment provider stops answering for ${tuning.faultMs} ms`);
  try {
    const answers = await Promise.all(["u-1004", "u-1009"].map((user) => client.checkout(user, randomBasket(random))));
    await lifecycle.sleep(Math.max(0, tuning.faultMs - (Date.now() - started)));
    const timedOut = answers.filter((a) => a.status === 504).length;
    return {
      scenario: "payment-timeout",
      traceIds: traceIdsOf(answers),
      orderIds: [],
      summary: `${timedOut} of ${answers.length} checkouts timed out at the gateway (504) after ${tuning.providerTimeoutMs} ms`,
    };
  } finally {
    faults.providerOutage = undefined;
    recover();
  }
};
