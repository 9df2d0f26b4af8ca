import type pg from "pg";
import { alertNameConflict, checkRuleBody } from "./check-rule-body";
import { getAlertRule } from "./get-alert-rule";
import type { AlertRule, AlertRuleBody } from "./schemas";

// A new rule, due for evaluation at once (next_eval_at defaults to now).

export async function createAlertRule(db: pg.Pool, body: AlertRuleBody): Promise<AlertRule> {
  await checkRuleBody(db, body);
  const { rows } = await db
    .query<{ id: string }>(
      `INSERT INTO alert_rules (name, description, enabled, source, condition, for_seconds, every_seconds, labels, contact_ids, open_incident, incident_severity)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::uuid[], $10, $11) RETURNING id`,
      ruleValues(body),
    )
    .catch((error: unknown) => alertNameConflict(error, "an alert rule", body.name));
  return getAlertRule(db, rows[0]!.id);
}

export function ruleValues(body: AlertRuleBody): unknown[] {
  return [
    body.name,
    body.description,
    body.enabled,
    JSON.stringify(body.source),
    JSON.stringify(body.condition),
    body.forSeconds,
    body.everySeconds,
    JSON.stringify(body.labels),
    body.contactIds,
    body.openIncident,
    body.incidentSeverity,
  ];
}
