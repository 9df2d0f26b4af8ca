import type pg from "pg";
import { IdleTransactionRanking, type IdleEntry } from "./rank-idle-transactions";

// The Database page's longest idle-in-transaction sessions of a window, each transaction once at
// its longest. Ranking every session of every sample cost a day of 5-s samples 1 s; instead the
// samples are read longest first (migration 1764000000014: each carries its longest session's
// idle time and transaction and the next longest idle time; read backwards on
// database_activity_longest_idle_idx) in growing batches, and the walk stops once the top is
// longer than anything an unread sample holds. A sample is opened only when it can change the
// top: not when its longest session is a transaction the top already holds at least that long
// and its others are no longer than the top's shortest (a transaction idle all day is the longest
// of every sample: its samples are passed over, not expanded). Only the shown sessions are then
// read in full.

const FIRST_BATCH = 64;
const MOST_BATCH = 4096;

interface BatchRow {
  samples: number;
  last_time: string | null;
  last_longest: number | null;
  entries: { pid: string | null; xactStart: string | null; idleMs: number; time: string }[];
}

export interface IdleSessionsWindow {
  database: string;
  fromMs: number;
  toMs: number;
}

/** The `shown` longest idle sessions of the window as stored (not yet checked against their schema), longest first. */
export async function findLongestIdleSessions(db: Pick<pg.Pool, "query">, window: IdleSessionsWindow, shown: number): Promise<unknown[]> {
  const ranking = new IdleTransactionRanking(shown);
  let after: { longest: number; time: string } | null = null;
  for (let size = FIRST_BATCH; ; size = Math.min(size * 2, MOST_BATCH)) {
    const batch = await readBatch(db, window, after, size, ranking.threshold(), ranking.top());
    for (const entry of batch.entries) ranking.add(entry);
    if (batch.samples < size || batch.last_time === null || batch.last_longest === null) break;
    // Every unread sample comes after the batch's last in the walk's order: no longer, older.
    after = { longest: batch.last_longest, time: batch.last_time };
    if (ranking.isSettled(after.longest)) break;
  }
  return readInFull(db, window.database, ranking.top());
}

/**
 * The next `size` samples of the walk that can change the top, each transaction in them once at its
 * longest; entries below `atLeast` (the top's shortest) are left in the database, as they cannot
 * enter it. A sample passed over needs no reading: its longest is a transaction of `top` that is
 * at least as long there, and its other sessions are at most `atLeast` (a tie may land either way).
 */
async function readBatch(
  db: Pick<pg.Pool, "query">,
  window: IdleSessionsWindow,
  after: { longest: number; time: string } | null,
  size: number,
  atLeast: number | null,
  top: IdleEntry[],
): Promise<BatchRow> {
  const named = top.filter((entry) => entry.pid !== null);
  const params: unknown[] = [
    window.database,
    window.fromMs,
    window.toMs,
    size,
    atLeast,
    named.map((entry) => `${entry.pid}/${entry.xactStart ?? ""}`),
    named.map((entry) => entry.idleMs),
  ];
  // The same key as ORDER BY, compared as a row: the next batch starts where this one ended.
  const afterClause = after ? "AND (longest_idle_ms, time) < ($8::float8, $9::timestamptz)" : "";
  if (after) params.push(after.longest, after.time);
  const { rows } = await db.query<BatchRow>(
    `WITH batch AS (
       SELECT time, longest_idle_ms, idle_sessions FROM database_activity
        WHERE database = $1 AND longest_idle_ms IS NOT NULL
          AND time >= to_timestamp($2::float8 / 1000) AND time < to_timestamp($3::float8 / 1000) ${afterClause}
          AND NOT ((next_longest_idle_ms IS NULL OR next_longest_idle_ms <= $5::float8) IS TRUE
                   AND EXISTS (SELECT 1 FROM unnest($6::text[], $7::float8[]) AS k(transaction_key, idle_ms)
                                WHERE k.transaction_key = longest_idle_transaction AND k.idle_ms >= longest_idle_ms))
        ORDER BY longest_idle_ms DESC, time DESC LIMIT $4
     ),
     last AS (SELECT time, longest_idle_ms FROM batch ORDER BY longest_idle_ms, time LIMIT 1),
     entries AS (
       SELECT DISTINCT ON (t.pid, t."xactStart") t.pid, t."xactStart", t."idleMs",
              to_char(b.time AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS time
         FROM batch b CROSS JOIN LATERAL jsonb_to_recordset(b.idle_sessions) AS t(pid text, "xactStart" text, "idleMs" float8)
        WHERE t."idleMs" >= coalesce($5::float8, '-infinity')
        ORDER BY t.pid, t."xactStart", t."idleMs" DESC
     )
     SELECT (SELECT count(*)::int FROM batch) AS samples,
            (SELECT to_char(time AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') FROM last) AS last_time,
            (SELECT longest_idle_ms FROM last) AS last_longest,
            (SELECT coalesce(jsonb_agg(entries), '[]') FROM entries) AS entries`,
    params,
  );
  return rows[0]!;
}

/** Each chosen transaction's session entry from the sample where it idled longest, longest first. */
async function readInFull(db: Pick<pg.Pool, "query">, database: string, chosen: IdleEntry[]): Promise<unknown[]> {
  if (chosen.length === 0) return [];
  const { rows } = await db.query<{ session: unknown }>(
    `SELECT session FROM (
       SELECT DISTINCT ON (c.pid, c.xact_start) s AS session, c.idle_ms
         FROM unnest($2::timestamptz[], $3::text[], $4::text[], $5::float8[]) AS c(time, pid, xact_start, idle_ms)
         JOIN database_activity a ON a.database = $1 AND a.time = c.time
        CROSS JOIN LATERAL jsonb_array_elements(a.idle_sessions) AS s
        WHERE s->>'pid' IS NOT DISTINCT FROM c.pid AND s->>'xactStart' IS NOT DISTINCT FROM c.xact_start
        ORDER BY c.pid, c.xact_start, (s->>'idleMs')::float8 DESC NULLS LAST) AS shown
      ORDER BY idle_ms DESC`,
    [database, chosen.map((e) => e.time), chosen.map((e) => e.pid), chosen.map((e) => e.xactStart), chosen.map((e) => e.idleMs)],
  );
  return rows.map((row) => row.session);
}
