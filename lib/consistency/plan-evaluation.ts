import { linkKey, countKey } from "./link-key";
import { changeMatches, conditionHolds, type EvaluatedChange } from "./match-change";
import type { RuleDefinition } from "./schemas";

// The pure half of one evaluation batch: which changes start checks (follows triggers), which
// are sightings of expected steps, and which are counted by at-most rules. The SQL half
// (evaluate-consistency.ts) writes the plan in a few set-wise statements.

/** An enabled rule as the evaluator uses it; `revision` changes with its definition. */
export interface LoadedRule {
  id: string;
  revision: number;
  definition: RuleDefinition;
}

/**
 * How long a sighting is kept past its own lookBack: a trigger committed earlier may still be on
 * its way (the agent sends in batches and retries), and must find the steps that came first.
 */
export const SIGHTING_GRACE_MS = 10 * 60_000;

export interface PlannedStep {
  stepIndex: number;
  label: string;
  /** a trigger whose linked value is NULL links to nothing: its key meets no change */
  linkKey: string;
  expected: boolean;
  exactlyOne: boolean;
  lookBackMs: number;
}

export interface PlannedCheck {
  ruleId: string;
  revision: number;
  change: EvaluatedChange;
  deadlineAtMs: number;
  steps: PlannedStep[];
}

export interface PlannedSighting {
  ruleId: string;
  revision: number;
  stepIndex: number;
  linkKey: string;
  change: EvaluatedChange;
  keepUntilMs: number;
}

export interface PlannedCount {
  ruleId: string;
  revision: number;
  key: string;
  values: Record<string, unknown>;
  table: string;
  max: number;
  withinMs: number;
  change: EvaluatedChange;
}

export interface EvaluationPlan {
  checks: PlannedCheck[];
  sightings: PlannedSighting[];
  counts: PlannedCount[];
}

export function planEvaluation(rules: LoadedRule[], changes: EvaluatedChange[]): EvaluationPlan {
  const plan: EvaluationPlan = { checks: [], sightings: [], counts: [] };
  for (const change of changes) {
    for (const rule of rules) {
      const { definition } = rule;
      if (definition.kind === "at-most") {
        if (!changeMatches(definition.match, change)) continue;
        const key = countKey(definition.per, change);
        if (key) plan.counts.push({ ruleId: rule.id, revision: rule.revision, ...key, table: change.table, max: definition.max, withinMs: definition.withinSeconds * 1000, change });
        continue;
      }
      if (changeMatches(definition.trigger, change)) {
        plan.checks.push({
          ruleId: rule.id,
          revision: rule.revision,
          change,
          deadlineAtMs: change.committedAtMs + definition.withinSeconds * 1000,
          steps: definition.expect.map((step, stepIndex) => ({
            stepIndex,
            label: step.label,
            linkKey: linkKey(step.link, change, "trigger") ?? `unlinkable:${change.id}`,
            expected: step.onlyIf.every((condition) => conditionHolds(condition, change)),
            exactlyOne: step.count === "exactly-one",
            lookBackMs: step.lookBackSeconds * 1000,
          })),
        });
      }
      definition.expect.forEach((step, stepIndex) => {
        if (!changeMatches(step.match, change)) return;
        const key = linkKey(step.link, change, "step");
        if (key === null) return;
        plan.sightings.push({
          ruleId: rule.id,
          revision: rule.revision,
          stepIndex,
          linkKey: key,
          change,
          keepUntilMs: change.committedAtMs + step.lookBackSeconds * 1000 + SIGHTING_GRACE_MS,
        });
      });
    }
  }
  return plan;
}
