import type pg from "pg";
import { ruleValues } from "./create-alert-rule";
import { DEMO_ALERT_RULES } from "./demo-rules";
import { alertRuleBodySchema } from "./schemas";

// Start-up with the demo on: create each demo alert rule that is missing, by its key. A rule
// that exists is left as it is, so a user's edit (or disabling) survives every restart; a name
// already taken by a user's own rule is left alone too (the user's rule wins; said once).

export async function ensureDemoAlertRules(db: pg.Pool | pg.Client): Promise<{ created: string[]; skipped: string[] }> {
  const created: string[] = [];
  const skipped: string[] = [];
  for (const rule of DEMO_ALERT_RULES) {
    const body = alertRuleBodySchema.parse(rule.body);
    const { rows } = await db.query<{ name: string }>(
      `INSERT INTO alert_rules (name, description, enabled, source, condition, for_seconds, every_seconds, labels, contact_ids, open_incident, incident_severity, built_in, key)
       SELECT $1, $2, $3, $4, $5, $6, $7, $8, $9::uuid[], $10, $11, true, $12
        WHERE NOT EXISTS (SELECT 1 FROM alert_rules WHERE key = $12 OR name = $1)
       ON CONFLICT DO NOTHING
       RETURNING name`,
      [...ruleValues(body), rule.key],
    );
    if (rows[0]) created.push(body.name);
    else {
      const { rows: mine } = await db.query("SELECT 1 FROM alert_rules WHERE key = $1", [rule.key]);
      if (!mine.length) skipped.push(body.name);
    }
  }
  return { created, skipped };
}
