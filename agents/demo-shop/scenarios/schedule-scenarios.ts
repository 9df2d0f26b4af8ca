import type { Lifecycle } from "../lifecycle";
import { SCENARIO_NAMES, type ScenarioName } from "./scenario";

// `--schedule`: a fault now and then, every scenario in turn (shuffled each round), so a demo
// left running shows each kind of incident within the hour.

export function scheduleScenarios(options: {
  everyMs: number;
  lifecycle: Lifecycle;
  random: () => number;
  run: (name: ScenarioName) => Promise<unknown>;
  onError: (error: unknown) => void;
}): void {
  const { lifecycle, random } = options;
  options.lifecycle.spawn(async () => {
    let round: ScenarioName[] = [];
    while (!lifecycle.stopping) {
      await lifecycle.idle(options.everyMs * (0.75 + random() / 2));
      if (lifecycle.stopping) return;
      if (!round.length) round = [...SCENARIO_NAMES].sort(() => random() - 0.5);
      await options.run(round.shift()!).catch(options.onError);
    }
  }, options.onError);
}
