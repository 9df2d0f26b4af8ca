import type pg from "pg";
import { RULE_SELECT, ruleJson, type RuleRow } from "./rule-json";
import type { Rule } from "./schemas";

export async function listRules(pool: pg.Pool): Promise<{ rules: Rule[] }> {
  const { rows } = await pool.query<RuleRow>(`${RULE_SELECT} ORDER BY r.built_in DESC, r.name`);
  return { rules: rows.map(ruleJson) };
}
