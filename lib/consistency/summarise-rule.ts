import type { ChangeMatch, Condition, RuleDefinition } from "./schemas";

// A rule's definition in one line of its own terms (tables, columns, values), for the rule's
// section on /consistency: `payments UPDATE: status becomes "SUCCESS"`. The surrounding words
// ("when", "within") are the page's, in the reader's language; these parts are code and stay
// as written.

function value(v: unknown): string {
  return JSON.stringify(v);
}

export function describeCondition(condition: Condition): string {
  const side = "side" in condition && condition.side ? `${condition.side}.` : "";
  const column = `${side}${condition.column}`;
  switch (condition.op) {
    case "eq":
      return `${column} = ${value(condition.value)}`;
    case "ne":
      return `${column} ≠ ${value(condition.value)}`;
    case "in":
      return `${column} in (${condition.values.map(value).join(", ")})`;
    case "is-null":
      return `${column} is null`;
    case "not-null":
      return `${column} is not null`;
    case "becomes":
      return `${column} becomes ${value(condition.value)}`;
    case "changed":
    case "increases":
    case "decreases":
      return `${column} ${condition.op}`;
  }
}

export function describeMatch(match: ChangeMatch): string {
  const ops = match.ops.length === 3 ? "" : ` ${match.ops.join("/")}`;
  const where = match.where.length ? `: ${match.where.map(describeCondition).join(" and ")}` : "";
  return `${match.table}${ops}${where}`;
}

export type RuleSummary =
  | { kind: "follows"; trigger: string; steps: string[]; withinSeconds: number }
  | { kind: "at-most"; match: string; per: string; max: number; withinSeconds: number };

export function summariseRule(definition: RuleDefinition): RuleSummary {
  if (definition.kind === "follows") {
    return { kind: "follows", trigger: describeMatch(definition.trigger), steps: definition.expect.map((step) => step.label), withinSeconds: definition.withinSeconds };
  }
  return { kind: "at-most", match: describeMatch(definition.match), per: definition.per.join(", "), max: definition.max, withinSeconds: definition.withinSeconds };
}
