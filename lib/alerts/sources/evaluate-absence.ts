import type { AlertSource } from "../schemas";
import type { Db, SourceValue } from "./source-value";

// Seconds since the last matching span started, read without walking a service's spans:
//   - any operation: the (service_name, start_time) index backwards from now, newest partition
//     first (spans are range-partitioned by day and appended in order): the first entry answers;
//   - one operation: its newest minute in the per-minute rollups ((service_name, minute) index;
//     for successOnly, a minute with fewer errors than spans), then the exact start within that
//     minute; and, for a batch job whose root span is named otherwise, its newest root span
//     carrying that job.name through the partial index spans_job_roots_time_idx. The later wins.
// Walking the spans instead cost 257 ms for a stopped job in a service sending 10,000 spans an
// hour; this reads a few hundred index entries (measured in the report of issue 17).
// The search is bounded by a lookback (twice the threshold, at least an hour, at most a week):
// nothing within it gives the lookback itself, a lower bound already past the threshold.

type AbsenceSource = Extract<AlertSource, { kind: "absence" }>;

const HOUR_S = 3_600;
const WEEK_S = 7 * 86_400;

export function absenceLookbackSeconds(thresholdSeconds: number): number {
  return Math.min(WEEK_S, Math.max(HOUR_S, Math.ceil(thresholdSeconds * 2)));
}

export async function evaluateAbsence(db: Db, source: AbsenceSource, thresholdSeconds: number, nowMs: number): Promise<SourceValue> {
  const lookback = absenceLookbackSeconds(thresholdSeconds);
  const from = new Date(nowMs - lookback * 1_000);
  const to = new Date(nowMs);
  const ok = source.successOnly;
  const { rows } = await db.query<{ last_ms: number | null }>(
    source.operation === undefined
      ? `SELECT extract(epoch FROM max(start_time))::float8 * 1000 AS last_ms FROM (
           SELECT start_time FROM spans WHERE service_name = $1 AND start_time > $2 AND start_time <= $3 AND (NOT $4 OR status_code <> 2)
            ORDER BY start_time DESC LIMIT 1) s`
      : `WITH minute AS (
           SELECT max(minute) AS m FROM span_rollups_1m
            WHERE service_name = $1 AND minute > $2::timestamptz - interval '1 minute' AND minute <= $3 AND operation = $5 AND (NOT $4 OR count > errors))
         SELECT extract(epoch FROM greatest(
                  (SELECT max(s.start_time) FROM spans s, minute
                    WHERE s.service_name = $1 AND s.start_time >= minute.m AND s.start_time < minute.m + interval '1 minute'
                      AND s.start_time > $2 AND s.start_time <= $3 AND s.name = $5 AND (NOT $4 OR s.status_code <> 2)),
                  (SELECT s.start_time FROM spans s
                    WHERE s.parent_span_id IS NULL AND s.attributes ? 'job.name' AND s.start_time > $2 AND s.start_time <= $3
                      AND s.service_name = $1 AND s.attributes->>'job.name' = $5 AND (NOT $4 OR s.status_code <> 2)
                    ORDER BY s.start_time DESC LIMIT 1)))::float8 * 1000 AS last_ms`,
    source.operation === undefined ? [source.service, from, to, ok] : [source.service, from, to, ok, source.operation],
  );
  const what = `${ok ? "successful " : ""}spans${source.operation ? ` of ${source.operation}` : ""} from ${source.service}`;
  const subject = `seconds since the last ${what}`;
  const last = rows[0]?.last_ms ?? null;
  return { value: last === null ? lookback : Math.max(0, (nowMs - last) / 1_000), subject };
}
