import type pg from "pg";
import type { z } from "zod";
import { violationJson, VIOLATION_SELECT, type ViolationRow } from "./violation-json";
import type { violationListSchema, violationsQuerySchema } from "./schemas";

// Violations detected in a window, newest first, with each rule's count per bucket for the
// counts-over-time chart. `state=open` also lists open violations detected before the window:
// an open violation is news however old it is.

const DAY_MS = 24 * 60 * 60_000;
const MINUTE_MS = 60_000;
/** About this many buckets over any window, each a whole number of minutes. */
const TARGET_BUCKETS = 60;

type Query = z.infer<typeof violationsQuerySchema>;
type ViolationList = z.infer<typeof violationListSchema>;

export async function listViolations(pool: pg.Pool, query: Query, nowMs: number): Promise<ViolationList> {
  const toMs = query.to ?? nowMs;
  const fromMs = query.from ?? toMs - DAY_MS;
  const states = query.state === "open" ? ["missing", "duplicate"] : query.state === "resolved" ? ["late"] : ["missing", "duplicate", "late"];
  const { rows } = await pool.query<ViolationRow>(
    `${VIOLATION_SELECT}
      WHERE c.state = ANY($1::text[]) AND ($2::uuid IS NULL OR c.rule_id = $2)
        AND ((c.detected_at >= $3 AND c.detected_at < $4) OR ($5 AND c.detected_at < $4))
      ORDER BY c.detected_at DESC, c.id DESC
      LIMIT $6`,
    [states, query.rule ?? null, new Date(fromMs), new Date(toMs), query.state === "open", query.limit + 1],
  );
  const bucketMs = Math.max(MINUTE_MS, Math.ceil((toMs - fromMs) / TARGET_BUCKETS / MINUTE_MS) * MINUTE_MS);
  const firstBucket = Math.floor(fromMs / bucketMs) * bucketMs;
  const { rows: counts } = await pool.query<{ rule_id: string; rule_name: string; bucket_ms: string | null; n: number }>(
    `SELECT r.id AS rule_id, r.name AS rule_name, floor(extract(epoch FROM c.detected_at) * 1000 / $4) * $4 AS bucket_ms, count(c.id)::int AS n
       FROM consistency_rules r
       LEFT JOIN consistency_checks c ON c.rule_id = r.id AND c.state IN ('missing', 'duplicate', 'late') AND c.detected_at >= $1 AND c.detected_at < $2
      WHERE $3::uuid IS NULL OR r.id = $3
      GROUP BY 1, 2, 3`,
    [new Date(fromMs), new Date(toMs), query.rule ?? null, bucketMs],
  );
  const series = new Map<string, { ruleId: string; ruleName: string; counts: Map<number, number> }>();
  for (const row of counts) {
    const entry = series.get(row.rule_id) ?? { ruleId: row.rule_id, ruleName: row.rule_name, counts: new Map<number, number>() };
    if (row.bucket_ms !== null) entry.counts.set(Number(row.bucket_ms), row.n);
    series.set(row.rule_id, entry);
  }
  const buckets: number[] = [];
  for (let at = firstBucket; at < toMs; at += bucketMs) buckets.push(at);
  return {
    violations: rows.slice(0, query.limit).map(violationJson),
    series: [...series.values()]
      .sort((a, b) => a.ruleName.localeCompare(b.ruleName))
      .map((entry) => ({ ruleId: entry.ruleId, ruleName: entry.ruleName, points: buckets.map((at): [number, number] => [at, entry.counts.get(at) ?? 0]) })),
    bucketMs,
    truncated: rows.length > query.limit,
  };
}
