import type { GatewayAnswer } from "../shop-client";
import { nextArrivalDelayMs } from "../traffic-shape";
import { traceIdsOf, type Scenario } from "./scenario";

// A flash sale: traffic climbs in steps while the coupon lookup has turned slow (a stall per
// query, as a cold cache or a lost index would give). The coupon service's small pool then
// queues requests, and the more traffic, the longer the queue: its latency rises with the load.

const STEPS_PER_SECOND = [2, 5, 10, 20]; // coupon checks at each step of the climb

export const peakSlowdown: Scenario = async ({ client, faults, tuning, lifecycle, random, log }) => {
  faults.couponStallMs = tuning.couponStallMs;
  log(`peak-slowdown: a flash sale climbs to ${STEPS_PER_SECOND.at(-1)} coupon checks/s while coupon lookups take ${tuning.couponStallMs} ms`);
  const stepMs = tuning.faultMs / STEPS_PER_SECOND.length;
  const byStep: Promise<GatewayAnswer>[][] = [];
  try {
    for (const [step, rate] of STEPS_PER_SECOND.entries()) {
      faults.trafficMultiplier = 1 + step;
      const requests: Promise<GatewayAnswer>[] = [];
      const stepEnds = Date.now() + stepMs;
      // The first check of a step goes out at once, so even a short step measures something.
      for (let wait = 0; Date.now() + wait < stepEnds; wait = nextArrivalDelayMs(rate, random())) {
        await lifecycle.sleep(wait);
        requests.push(client.request(`u-${1001 + Math.floor(random() * 16)}`, "POST", "/coupons/validate", { code: "FLASH20" }));
      }
      await lifecycle.sleep(Math.max(0, stepEnds - Date.now()));
      byStep.push(requests);
    }
    const answers = await Promise.all(byStep.map((requests) => Promise.all(requests)));
    const means = answers.map((step) => (step.length ? Math.round(step.reduce((sum, a) => sum + a.durationMs, 0) / step.length) : 0));
    return {
      scenario: "peak-slowdown",
      traceIds: traceIdsOf(answers.flat()),
      orderIds: [],
      summary: `coupon check latency by load step (${STEPS_PER_SECOND.join(", ")}/s): ${means.join(", ")} ms`,
    };
  } finally {
    faults.couponStallMs = 0;
    faults.trafficMultiplier = 1;
  }
};
