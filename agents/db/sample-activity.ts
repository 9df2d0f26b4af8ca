import type { DatabaseActivityInput, IdleSession, TableStats } from "@/lib/schemas/database-activity";
import type pg from "pg";
import type { QueryTextMode } from "./config";
import { shippedQueryText } from "./lock-episodes";
import { parseTraceparent, traceContextFromQuery, type TraceContext } from "./parse-traceparent";
import { tagSql } from "./tag-sql";

// The database's activity besides locks, sampled on the agent's main interval: the sessions
// idle in a transaction (their locks stay held and VACUUM cannot clean past their snapshot) with
// their last statement and the request behind it, and the tables with the most sequential scans
// and dead tuples with their last vacuums. Both are read from the statistics views, which need
// pg_monitor (or the sessions' own role) to show other roles' queries.

const SESSIONS_SENT = 10;
const TABLES_BY_EACH_MEASURE = 20;
const ISO = `'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'`;

const SESSIONS_SQL = `
SELECT pid, usename AS user, application_name,
       to_char(xact_start AT TIME ZONE 'UTC', ${ISO}) AS xact_start,
       to_char(state_change AT TIME ZONE 'UTC', ${ISO}) AS idle_since,
       greatest(extract(epoch FROM clock_timestamp() - state_change) * 1000, 0)::float8 AS idle_ms,
       query
  FROM pg_stat_activity
 WHERE datname = current_database() AND state LIKE 'idle in transaction%' AND state_change IS NOT NULL
 ORDER BY state_change
 LIMIT ${SESSIONS_SENT}`;

// The union of the top tables by each measure: a table scanned often and one VACUUM has fallen
// behind on are both worth seeing, and neither list alone shows the other.
const TABLES_SQL = `
WITH t AS (
  SELECT relid, format('%I.%I', schemaname, relname) AS name, seq_scan, seq_tup_read, idx_scan, n_live_tup, n_dead_tup,
         last_vacuum, last_autovacuum
    FROM pg_stat_user_tables
   WHERE schemaname <> 'sightline_audit'
)
SELECT name, seq_scan::float8 AS seq_scan, seq_tup_read::float8 AS seq_tup_read, idx_scan::float8 AS idx_scan,
       n_live_tup::float8 AS n_live_tup, n_dead_tup::float8 AS n_dead_tup,
       to_char(last_vacuum AT TIME ZONE 'UTC', ${ISO}) AS last_vacuum,
       to_char(last_autovacuum AT TIME ZONE 'UTC', ${ISO}) AS last_autovacuum
  FROM t
 WHERE relid IN (SELECT relid FROM t ORDER BY seq_scan DESC NULLS LAST LIMIT ${TABLES_BY_EACH_MEASURE})
    OR relid IN (SELECT relid FROM t ORDER BY n_dead_tup DESC NULLS LAST LIMIT ${TABLES_BY_EACH_MEASURE})
 ORDER BY seq_scan DESC NULLS LAST, name`;

interface SessionRow {
  pid: number;
  user: string | null;
  application_name: string | null;
  xact_start: string | null;
  idle_since: string;
  idle_ms: number;
  query: string | null;
}

interface TableRow {
  name: string;
  seq_scan: number | null;
  seq_tup_read: number | null;
  idx_scan: number | null;
  n_live_tup: number | null;
  n_dead_tup: number | null;
  last_vacuum: string | null;
  last_autovacuum: string | null;
}

export interface ActivityOptions {
  database: string;
  queryText: QueryTextMode;
  statementMaxLength: number;
}

export async function sampleActivity(db: Pick<pg.Pool, "query">, options: ActivityOptions, now = new Date()): Promise<DatabaseActivityInput> {
  const sessions = await db.query<SessionRow>(tagSql(SESSIONS_SQL));
  const tables = await db.query<TableRow>(tagSql(TABLES_SQL));
  const time = now.toISOString();
  return {
    id: `activity:${options.database}:${time}`,
    kind: "activity",
    database: options.database,
    time,
    idleSessions: sessions.rows.map((row) => toIdleSession(row, options)),
    tables: tables.rows.map(toTableStats),
  };
}

function toIdleSession(row: SessionRow, options: ActivityOptions): IdleSession {
  const trace = traceContextFromQuery(row.query) ?? traceContextFromApplicationName(row.application_name);
  return {
    pid: row.pid,
    user: row.user,
    applicationName: row.application_name,
    xactStart: row.xact_start,
    idleSince: row.idle_since,
    idleMs: row.idle_ms,
    query: shippedQueryText(row.query, options),
    traceId: trace?.traceId ?? null,
    spanId: trace?.spanId ?? null,
  };
}

function toTableStats(row: TableRow): TableStats {
  return {
    table: row.name,
    seqScans: row.seq_scan ?? 0,
    seqRowsRead: row.seq_tup_read ?? 0,
    indexScans: row.idx_scan,
    liveRows: row.n_live_tup ?? 0,
    deadRows: row.n_dead_tup ?? 0,
    lastVacuum: row.last_vacuum,
    lastAutovacuum: row.last_autovacuum,
  };
}

const TRACEPARENT_IN_TEXT = /[0-9a-f]{2}-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}/i;

/**
 * Some applications put the request's traceparent in application_name (63 bytes hold one: 55
 * characters), alone or after a name (`checkout 00-…-01`); a sqlcommenter comment in the query
 * wins over it.
 */
export function traceContextFromApplicationName(name: string | null): TraceContext | null {
  const match = name ? TRACEPARENT_IN_TEXT.exec(name) : null;
  return match ? parseTraceparent(match[0]) : null;
}
