import type pg from "pg";
import type { z } from "zod";
import {
  idleSessionSchema,
  tableStatsSchema,
  type DatabaseActivityQuery,
  type DatabaseActivityResponse,
  type IdleSession,
  type TableStats,
} from "@/lib/schemas/database-activity";
import { findLongestIdleSessions } from "./find-longest-idle-sessions";

// GET /api/v1/database/activity: from the agent's samples of one database in a window, the
// tables of the newest sample (with the sequential scans made since the window's first one) and
// the longest idle-in-transaction sessions. A session is sampled again and again while it idles:
// each transaction (pid + start) counts once, at its longest.

const DEFAULT_WINDOW_MS = 3_600_000;
const IDLE_SESSIONS_SHOWN = 10;

interface Row {
  samples: number;
  taken_at: string | null;
  tables: unknown[] | null;
  first_tables: unknown[] | null;
}

export async function getDatabaseActivity(db: Pick<pg.Pool, "query">, query: DatabaseActivityQuery, now = Date.now()): Promise<DatabaseActivityResponse> {
  const to = query.to ?? now;
  const from = query.from ?? to - DEFAULT_WINDOW_MS;
  const [{ rows }, idleSessions] = await Promise.all([
    db.query<Row>(
      // Only the newest and the oldest sample's tables are read: each the first row of the
      // (database, time) key read one way or the other. The bounds are written out in each
      // subquery (not shared from a CTE) so the planner prunes the day partitions and reads the
      // key in order, instead of sorting every sample of the window for one row.
      `SELECT (SELECT count(*)::int FROM database_activity a
                WHERE a.database = $1 AND a.time >= to_timestamp($2::float8 / 1000) AND a.time < to_timestamp($3::float8 / 1000)) AS samples,
              newest.taken_at, newest.tables,
              (SELECT a.tables FROM database_activity a
                WHERE a.database = $1 AND a.time >= to_timestamp($2::float8 / 1000) AND a.time < to_timestamp($3::float8 / 1000)
                ORDER BY a.time LIMIT 1) AS first_tables
         FROM (SELECT 1) AS one
         LEFT JOIN LATERAL (
           SELECT to_char(a.time AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS taken_at, a.tables FROM database_activity a
            WHERE a.database = $1 AND a.time >= to_timestamp($2::float8 / 1000) AND a.time < to_timestamp($3::float8 / 1000)
            ORDER BY a.time DESC LIMIT 1) AS newest ON true`,
      [query.database, from, to],
    ),
    findLongestIdleSessions(db, { database: query.database, fromMs: from, toMs: to }, IDLE_SESSIONS_SHOWN),
  ]);
  const row = rows[0]!;
  const tables = parseEach(tableStatsSchema, row.tables ?? []);
  const first = new Map(parseEach(tableStatsSchema, row.first_tables ?? []).map((t) => [t.table, t]));
  return {
    samples: row.samples,
    takenAt: row.taken_at,
    tables: tables
      .map((table) => ({ ...table, seqScansInWindow: row.samples > 1 ? scansSince(first.get(table.table), table) : null }))
      .sort((a, b) => (b.seqScansInWindow ?? -1) - (a.seqScansInWindow ?? -1) || b.seqScans - a.seqScans),
    idleSessions: parseEach(idleSessionSchema, idleSessions) satisfies IdleSession[],
  };
}

/** Scans between two samples of a table; null when the first lacks it or the counter went back (a stats reset). */
function scansSince(first: TableStats | undefined, last: TableStats): number | null {
  if (!first || last.seqScans < first.seqScans) return null;
  return last.seqScans - first.seqScans;
}

/** The stored items that still match their schema; one that does not is named in the server log and left out. */
function parseEach<S extends z.ZodType>(schema: S, items: unknown[]): z.infer<S>[] {
  const parsed: z.infer<S>[] = [];
  for (const item of items) {
    const result = schema.safeParse(item);
    if (result.success) parsed.push(result.data);
    else console.error("[sightline] a stored database activity item does not match its schema and is left out:", result.error.message);
  }
  return parsed;
}
