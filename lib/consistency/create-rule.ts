import type pg from "pg";
import { getRule } from "./get-rule";
import { ruleNameConflict } from "./rule-name-conflict";
import type { Rule, RuleBody } from "./schemas";

// A new rule (the body was validated by ruleBodySchema in the route); enabled rules apply to the
// changes ingested from now on, never to history.

export async function createRule(pool: pg.Pool, body: RuleBody): Promise<Rule> {
  const { rows } = await pool
    .query<{ id: string }>("INSERT INTO consistency_rules (name, description, enabled, definition) VALUES ($1, $2, $3, $4) RETURNING id", [
      body.name,
      body.description,
      body.enabled,
      JSON.stringify(body.definition),
    ])
    .catch((error: unknown) => ruleNameConflict(error, body.name));
  return getRule(pool, rows[0]!.id);
}

