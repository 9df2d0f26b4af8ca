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
  idle_sessions: unknown[];
}

export async function getDatabaseActivity(db: Pick<pg.Pool, "query">, query: DatabaseActivityQuery, now = Date.now()): Promise<DatabaseActivityResponse> {
  const to = query.to ?? now;
  const from = query.from ?? to - DEFAULT_WINDOW_MS;
  const { rows } = await db.query<Row>(
    // Only the newest and the oldest sample's tables are read (two probes of the (database, time)
    // key); the window's other samples give their idle sessions alone, so a day of samples is not
    // a day of table lists.
    `WITH bounds AS (SELECT $1::text AS database, to_timestamp($2::float8 / 1000) AS from_t, to_timestamp($3::float8 / 1000) AS to_t),
     newest AS (
       SELECT a.time, a.tables FROM database_activity a, bounds b
        WHERE a.database = b.database AND a.time >= b.from_t AND a.time < b.to_t ORDER BY a.time DESC LIMIT 1
     ),
     oldest AS (
       SELECT a.tables FROM database_activity a, bounds b
        WHERE a.database = b.database AND a.time >= b.from_t AND a.time < b.to_t ORDER BY a.time LIMIT 1
     ),
     -- Each transaction at its longest, read as typed records (not whole JSON elements, which
     -- cost three times as much to sort over a day of 5-s samples); then only the ten longest are
     -- read again in full, from their own sample, by the (database, time) key.
     sessions AS (
       SELECT DISTINCT ON (t.pid, t."xactStart") t.pid, t."xactStart" AS xact_start, t."idleMs" AS idle_ms, a.time
         FROM database_activity a CROSS JOIN bounds b
              CROSS JOIN LATERAL jsonb_to_recordset(a.idle_sessions) AS t(pid text, "xactStart" text, "idleMs" float8)
        WHERE a.database = b.database AND a.time >= b.from_t AND a.time < b.to_t AND a.idle_sessions <> '[]'::jsonb
        ORDER BY t.pid, t."xactStart", t."idleMs" DESC
     ),
     longest AS (SELECT * FROM sessions ORDER BY idle_ms DESC NULLS LAST LIMIT ${IDLE_SESSIONS_SHOWN}),
     shown AS (
       SELECT DISTINCT ON (l.pid, l.xact_start) s, l.idle_ms
         FROM longest l JOIN database_activity a ON a.database = $1 AND a.time = l.time
              CROSS JOIN LATERAL jsonb_array_elements(a.idle_sessions) AS s
        WHERE s->>'pid' IS NOT DISTINCT FROM l.pid AND s->>'xactStart' IS NOT DISTINCT FROM l.xact_start
        ORDER BY l.pid, l.xact_start
     )
     SELECT (SELECT count(*)::int FROM database_activity a, bounds b WHERE a.database = b.database AND a.time >= b.from_t AND a.time < b.to_t) AS samples,
            (SELECT to_char(time AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') FROM newest) AS taken_at,
            (SELECT tables FROM newest) AS tables,
            (SELECT tables FROM oldest) AS first_tables,
            (SELECT coalesce(jsonb_agg(s ORDER BY idle_ms DESC NULLS LAST), '[]') FROM shown) AS idle_sessions`,
    [query.database, from, to],
  );
  const row = rows[0]!;
  const tables = parseEach(tableStatsSchema, row.tables ?? []);
  const first = new Map(parseEach(tableStatsSchema, row.first_tables ?? []).map((t) => [t.table, t]));
  return {
    samples: row.samples,
    takenAt: row.taken_at,
    tables: tables
      .map((table) => ({ ...table, seqScansInWindow: row.samples > 1 ? scansSince(first.get(table.table), table) : null }))
      .sort((a, b) => (b.seqScansInWindow ?? -1) - (a.seqScansInWindow ?? -1) || b.seqScans - a.seqScans),
    idleSessions: parseEach(idleSessionSchema, row.idle_sessions) satisfies IdleSession[],
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
