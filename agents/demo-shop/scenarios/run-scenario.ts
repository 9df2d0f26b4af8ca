import { deadlock } from "./deadlock";
import { duplicateCallback, lostCallback } from "./callback-faults";
import { paymentTimeout } from "./payment-timeout";
import { peakSlowdown } from "./peak-slowdown";
import { poolExhaustion } from "./pool-exhaustion";
import type { Scenario, ScenarioContext, ScenarioName, ScenarioOutcome } from "./scenario";

const SCENARIOS: Record<ScenarioName, Scenario> = {
  "payment-timeout": paymentTimeout,
  "pool-exhaustion": poolExhaustion,
  deadlock,
  "duplicate-callback": duplicateCallback,
  "lost-callback": lostCallback,
  "peak-slowdown": peakSlowdown,
};

/** Runs one scenario to its end; scenarios never overlap (they share the fault switches). */
export function createScenarioRunner(context: ScenarioContext): (name: ScenarioName) => Promise<ScenarioOutcome> {
  let queue: Promise<unknown> = Promise.resolve();
  return (name) => {
    const run = queue.then(async () => {
      const outcome = await SCENARIOS[name](context);
      context.log(`${name}: ${outcome.summary}`);
      return outcome;
    });
    queue = run.catch(() => {});
    return run;
  };
}
