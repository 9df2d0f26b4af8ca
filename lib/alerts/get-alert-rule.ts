import type pg from "pg";
import { ApiError } from "@/lib/http/api-error";
import { alertRuleJson, RULE_SELECT, type AlertRuleRow } from "./rule-json";
import type { AlertRule } from "./schemas";

export async function getAlertRule(db: Pick<pg.Pool, "query">, id: string): Promise<AlertRule> {
  const { rows } = await db.query<AlertRuleRow>(`${RULE_SELECT} WHERE r.id = $1`, [id]);
  if (!rows[0]) throw new ApiError("not_found", `no alert rule with id ${id}`);
  const rule = alertRuleJson(rows[0]);
  if (!rule) throw new ApiError("conflict", `alert rule ${id} is stored in a form this version cannot read: replace it with PUT or delete it`);
  return rule;
}
