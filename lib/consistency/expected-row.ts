import type { ChangeRef, RuleDefinition } from "./schemas";

// Which row a missing step should have changed, in the rule's own terms: the expectation's
// table and, for each column link, the trigger row's value of the linked column. This is what
// lets the story say "no change to orders id=42 arrived" instead of only "missing".

export interface ExpectedRow {
  table: string;
  /** column → the value the expected row's column must equal; empty when linked by transaction or trace */
  key: Record<string, unknown>;
  /** `transaction` or `trace` when the step is linked that way instead of (or besides) columns */
  same: ("transaction" | "trace")[];
}

export function expectedRowOf(definition: RuleDefinition, label: string, trigger: ChangeRef | null): ExpectedRow | null {
  if (definition.kind !== "follows") return null;
  const step = definition.expect.find((e) => e.label === label);
  if (!step) return null;
  const row = trigger?.after ?? trigger?.before ?? null;
  const key: Record<string, unknown> = {};
  const same: ExpectedRow["same"] = [];
  for (const link of step.link) {
    if ("same" in link) same.push(link.same);
    else if (row && link.equalsTriggerColumn in row) key[link.column] = row[link.equalsTriggerColumn];
  }
  return { table: step.match.table, key, same };
}

/** `id=42, region="eu"`: strings bare when they read as numbers or words, as the list names keys. */
export function describeKey(key: Record<string, unknown>): string {
  return Object.entries(key)
    .map(([column, value]) => `${column}=${typeof value === "string" ? value : JSON.stringify(value)}`)
    .join(", ");
}
