import type pg from "pg";
import { ApiError } from "@/lib/http/api-error";
import { RULE_SELECT, ruleJson, type RuleRow } from "./rule-json";
import type { Rule } from "./schemas";

export async function getRule(pool: pg.Pool | pg.ClientBase, id: string): Promise<Rule> {
  const { rows } = await pool.query<RuleRow>(`${RULE_SELECT} WHERE r.id = $1`, [id]);
  if (!rows[0]) throw new ApiError("not_found", `no consistency rule with id ${id}`);
  return ruleJson(rows[0]);
}
