import type pg from "pg";
import { alertRuleJson, RULE_SELECT, type AlertRuleRow } from "./rule-json";
import type { AlertRule } from "./schemas";

/** Every rule: firing first, then pending, then by name (the contract's order). */
export async function listAlertRules(db: Pick<pg.Pool, "query">): Promise<{ rules: AlertRule[] }> {
  const { rows } = await db.query<AlertRuleRow>(
    `${RULE_SELECT} ORDER BY CASE r.state WHEN 'firing' THEN 0 WHEN 'pending' THEN 1 ELSE 2 END, r.name`,
  );
  return { rules: rows.flatMap((row) => alertRuleJson(row) ?? []) };
}
