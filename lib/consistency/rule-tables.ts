import type { LoadedRule } from "./plan-evaluation";

/** The bare table names the rules read (schema-qualified names without their schema). */
export function tableNamesOf(rules: LoadedRule[]): string[] {
  const names = new Set<string>();
  for (const { definition } of rules) {
    const matches = definition.kind === "at-most" ? [definition.match] : [definition.trigger, ...definition.expect.map((step) => step.match)];
    for (const match of matches) names.add(match.table.slice(match.table.lastIndexOf(".") + 1));
  }
  return [...names];
}
