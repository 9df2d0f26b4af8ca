import type pg from "pg";
import { ApiError } from "@/lib/http/api-error";
import { getRule } from "./get-rule";
import { ruleNameConflict } from "./rule-name-conflict";
import type { Rule, RuleBody } from "./schemas";

// Replacing a rule. A new definition bumps the rule's revision: checks already open keep the
// definition they were started under (their steps are stored with them) and meet only changes
// sighted under it; new changes are evaluated by the new one.

export async function updateRule(pool: pg.Pool, id: string, body: RuleBody): Promise<Rule> {
  const { rowCount } = await pool
    .query(
      `UPDATE consistency_rules
          SET name = $2, description = $3, enabled = $4, definition = $5, updated_at = now(),
              revision = CASE WHEN definition = $5::jsonb THEN revision ELSE revision + 1 END
        WHERE id = $1`,
      [id, body.name, body.description, body.enabled, JSON.stringify(body.definition)],
    )
    .catch((error: unknown) => ruleNameConflict(error, body.name));
  if (!rowCount) throw new ApiError("not_found", `no consistency rule with id ${id}`);
  return getRule(pool, id);
}

