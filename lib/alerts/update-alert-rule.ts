import type pg from "pg";
import { ApiError } from "@/lib/http/api-error";
import { alertNameConflict, checkRuleBody, refuseSloRule } from "./check-rule-body";
import { ruleValues } from "./create-alert-rule";
import { getAlertRule } from "./get-alert-rule";
import type { AlertRule, AlertRuleBody } from "./schemas";

// Replacing a rule: it is evaluated again at once under the new definition. A changed source or
// condition restarts the "for" clock (pending_since), since the old condition's duration says
// nothing about the new one; a firing rule keeps firing until the new condition resolves it.
// Disabling a rule returns it to ok without events (no resolved notification for a rule the
// user switched off).

export async function updateAlertRule(db: pg.Pool, id: string, body: AlertRuleBody): Promise<AlertRule> {
  await refuseSloRule(db, id);
  await checkRuleBody(db, body);
  const { rowCount } = await db
    .query(
      `UPDATE alert_rules
          SET pending_since = CASE WHEN source = $4::jsonb AND condition = $5::jsonb THEN pending_since ELSE NULL END,
              state = CASE WHEN NOT $3 THEN 'ok' WHEN state = 'pending' AND NOT (source = $4::jsonb AND condition = $5::jsonb) THEN 'ok' ELSE state END,
              firing_since = CASE WHEN $3 THEN firing_since END,
              incident_id = CASE WHEN $3 THEN incident_id END,
              name = $1, description = $2, enabled = $3, source = $4, condition = $5, for_seconds = $6, every_seconds = $7,
              labels = $8, contact_ids = $9::uuid[], open_incident = $10, incident_severity = $11,
              next_eval_at = now(), updated_at = now()
        WHERE id = $12`,
      [...ruleValues(body), id],
    )
    .catch((error: unknown) => alertNameConflict(error, "an alert rule", body.name));
  if (!rowCount) throw new ApiError("not_found", `no alert rule with id ${id}`);
  return getAlertRule(db, id);
}
