import type { Faults } from "../faults";
import type { Lifecycle } from "../lifecycle";
import type { ShopClient } from "../shop-client";
import type { ShopTuning } from "../tuning";

// What every fault scenario gets to work with, and what it reports back: the traces and
// orders it produced, so a person (or a test) can go and look at exactly those.

export const SCENARIO_NAMES = ["payment-timeout", "pool-exhaustion", "deadlock", "duplicate-callback", "lost-callback", "peak-slowdown"] as const;
export type ScenarioName = (typeof SCENARIO_NAMES)[number];

export const isScenarioName = (name: string): name is ScenarioName => (SCENARIO_NAMES as readonly string[]).includes(name);

export interface ScenarioContext {
  client: ShopClient;
  faults: Faults;
  tuning: ShopTuning;
  lifecycle: Lifecycle;
  random: () => number;
  log: (line: string) => void;
}

export interface ScenarioOutcome {
  scenario: ScenarioName;
  /** traces the scenario's own requests started (more may come from background traffic) */
  traceIds: string[];
  /** orders the scenario placed or hit */
  orderIds: string[];
  summary: string;
}

export type Scenario = (context: ScenarioContext) => Promise<ScenarioOutcome>;

export const traceIdsOf = (answers: { traceId: string | undefined }[]) => answers.flatMap((a) => (a.traceId ? [a.traceId] : []));

/**
 * Places one order for the scenario to work with; throws when the shop cannot take it. A fault
 * run in the running demo can find it still recovering from the last one (payment's circuit
 * breaker open after a provider outage: 503): it waits that out, up to twice the breaker's open
 * time, instead of failing.
 */
export async function placeOrder(context: ScenarioContext, user: string, productId = 3): Promise<{ orderId: string; traceId: string | undefined }> {
  const giveUpAt = Date.now() + 2 * context.tuning.breakerOpenMs + 5_000;
  for (;;) {
    const answer = await context.client.checkout(user, [{ productId, quantity: 1 }]);
    if (answer.body.orderId) return { orderId: answer.body.orderId, traceId: answer.traceId };
    if (answer.status !== 503 || Date.now() >= giveUpAt) throw new Error(`could not place an order to work with: ${answer.status} ${answer.body.error ?? ""}`.trim());
    context.log(`the shop answered 503 (${answer.body.error ?? "unavailable"}); trying again in a second`);
    await context.lifecycle.sleep(1_000);
  }
}
