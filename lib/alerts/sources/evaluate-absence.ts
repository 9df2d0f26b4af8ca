import type { AlertSource } from "../schemas";
import type { Db, SourceValue } from "./source-value";

// Seconds since the last matching span started. The query walks the (service_name, start_time)
// index backwards from now, newest partition first (spans are range-partitioned by day, so the
// planner appends the partitions in order and stops at the first match): a service that reports
// often answers after a handful of index entries. The search is bounded by a lookback (twice the
// threshold, at least an hour, at most a week) so a service that is gone does not scan a week of
// someone else's rows on every evaluation; nothing within it gives the lookback itself, a lower
// bound that is already past the threshold.

type AbsenceSource = Extract<AlertSource, { kind: "absence" }>;

const HOUR_S = 3_600;
const WEEK_S = 7 * 86_400;

export function absenceLookbackSeconds(thresholdSeconds: number): number {
  return Math.min(WEEK_S, Math.max(HOUR_S, Math.ceil(thresholdSeconds * 2)));
}

export async function evaluateAbsence(db: Db, source: AbsenceSource, thresholdSeconds: number, nowMs: number): Promise<SourceValue> {
  const lookback = absenceLookbackSeconds(thresholdSeconds);
  const { rows } = await db.query<{ last_ms: number }>(
    `SELECT extract(epoch FROM start_time)::float8 * 1000 AS last_ms
       FROM spans
      WHERE service_name = $1 AND start_time > $2 AND start_time <= $3
        AND ($4::text IS NULL OR name = $4 OR attributes->>'job.name' = $4)
        AND (NOT $5 OR status_code <> 2)
      ORDER BY start_time DESC
      LIMIT 1`,
    [source.service, new Date(nowMs - lookback * 1_000), new Date(nowMs), source.operation ?? null, source.successOnly],
  );
  const what = `${source.successOnly ? "successful " : ""}spans${source.operation ? ` of ${source.operation}` : ""} from ${source.service}`;
  const subject = `seconds since the last ${what}`;
  const last = rows[0]?.last_ms;
  return { value: last === undefined ? lookback : Math.max(0, (nowMs - last) / 1_000), subject };
}
