import type { AlertSource } from "../schemas";
import { windowBounds, type Db, type SourceValue } from "./source-value";

// Violations of consistency rules detected in the window (missing, late or duplicate steps), by
// the partial index on detected_at. Zero is a value: a quiet window resolves the rule.

type ConsistencySource = Extract<AlertSource, { kind: "consistency" }>;

export async function evaluateConsistencySource(db: Db, source: ConsistencySource, nowMs: number): Promise<SourceValue> {
  const { from, to } = windowBounds(nowMs, source.windowSeconds);
  const { rows } = await db.query<{ n: number; name: string | null }>(
    `SELECT (SELECT count(*) FROM consistency_checks c
              WHERE c.detected_at IS NOT NULL AND c.detected_at > $1 AND c.detected_at <= $2
                AND c.state IN ('missing', 'late', 'duplicate') AND ($3::uuid IS NULL OR c.rule_id = $3::uuid))::int AS n,
            (SELECT name FROM consistency_rules WHERE id = $3::uuid) AS name`,
    [from, to, source.ruleId ?? null],
  );
  const row = rows[0]!;
  if (source.ruleId && row.name === null) return { value: null, error: `no consistency rule with id ${source.ruleId}` };
  return { value: row.n, subject: `violations of ${row.name ? `consistency rule "${row.name}"` : "consistency rules"}` };
}
