import type pg from "pg";
import type { LoadedRule } from "./plan-evaluation";
import { ruleDefinitionSchema } from "./schemas";

// The enabled rules, read in the evaluator's transaction (no cache: a rule edited or disabled a
// moment ago applies to the next batch, whichever replica evaluates it). A stored definition
// that no longer parses (a contract tightened since it was saved) is skipped, said once.

const reported = new Set<string>();

export async function loadEnabledRules(client: pg.ClientBase): Promise<LoadedRule[]> {
  const { rows } = await client.query<{ id: string; revision: number; definition: unknown; name: string }>(
    "SELECT id, revision, definition, name FROM consistency_rules WHERE enabled ORDER BY created_at, id",
  );
  const rules: LoadedRule[] = [];
  for (const row of rows) {
    const parsed = ruleDefinitionSchema.safeParse(row.definition);
    if (parsed.success) rules.push({ id: row.id, revision: row.revision, definition: parsed.data });
    else if (!reported.has(`${row.id}:${row.revision}`)) {
      reported.add(`${row.id}:${row.revision}`);
      console.error(`[sightline] consistency rule "${row.name}" is not evaluated: its definition is invalid (${parsed.error.issues[0]?.message ?? "unknown"})`);
    }
  }
  return rules;
}
