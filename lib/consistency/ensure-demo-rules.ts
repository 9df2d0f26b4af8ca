import type pg from "pg";
import { DEMO_RULES } from "./demo-rules";
import { ruleDefinitionSchema } from "./schemas";

// Start-up with the demo on: create each demo rule that is missing, by its key. A rule that
// exists is left as it is, so a user's edit (or disabling) survives every restart. A name
// already taken by a user's own rule is left alone too (the user's rule wins; said once).

export async function ensureDemoRules(db: pg.Pool | pg.Client): Promise<{ created: string[]; skipped: string[] }> {
  const created: string[] = [];
  const skipped: string[] = [];
  for (const rule of DEMO_RULES) {
    const definition = ruleDefinitionSchema.parse(rule.definition);
    const { rows } = await db.query<{ name: string }>(
      `INSERT INTO consistency_rules (name, description, enabled, definition, built_in, key)
       SELECT $1, $2, $3, $4, true, $5
        WHERE NOT EXISTS (SELECT 1 FROM consistency_rules WHERE key = $5 OR name = $1)
       ON CONFLICT DO NOTHING
       RETURNING name`,
      [rule.name, rule.description, rule.enabled, JSON.stringify(definition), rule.key],
    );
    if (rows[0]) created.push(rule.name);
    else {
      const { rows: mine } = await db.query("SELECT 1 FROM consistency_rules WHERE key = $1", [rule.key]);
      if (!mine.length) skipped.push(rule.name);
    }
  }
  return { created, skipped };
}
