import type pg from "pg";
import { tagSql } from "./tag-sql";

// One look at who waits for a lock in this database and who blocks them. Cheap when nothing
// waits (pg_locks filtered to ungranted entries is usually empty), and pg_blocking_pids — which
// briefly locks the lock manager — runs only for the processes that actually wait.

export interface ProcessSample {
  pid: number;
  query: string | null;
  state: string | null;
  user: string | null;
  applicationName: string | null;
  xactStart: string | null;
}

export interface BlockerSample extends ProcessSample {
  heldModes: string[];
  waiting: boolean;
}

export interface LockWaitSample {
  waiter: ProcessSample;
  waitStart: string;
  waitedMs: number;
  lock: { type: string; mode: string; object: string; relation: string | null };
  blockers: BlockerSample[];
}

interface Row {
  pid: number;
  query: string | null;
  state: string | null;
  usename: string | null;
  application_name: string | null;
  xact_start: string | null;
  locktype: string;
  mode: string;
  relation: string | null;
  row_tid: string | null;
  page: number | null;
  tuple: number | null;
  transactionid: string | null;
  virtualxid: string | null;
  classid: string | null;
  objid: string | null;
  objsubid: string | null;
  wait_start: string;
  waited_ms: number;
  b_pid: number | null;
  b_query: string | null;
  b_state: string | null;
  b_usename: string | null;
  b_application_name: string | null;
  b_xact_start: string | null;
  b_waiting: boolean | null;
  b_held: string[] | null;
}

const ISO = `'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'`;

const SQL = `
WITH waiting AS (
  SELECT l.pid, l.locktype, l.mode, l.database, l.relation, l.page, l.tuple, l.virtualxid, l.transactionid,
         l.classid, l.objid, l.objsubid,
         -- waitstart can be NULL for an instant after the wait began
         coalesce(l.waitstart, a.query_start, now()) AS wait_start,
         a.query, a.state, a.usename, a.application_name, a.xact_start,
         -- Waiting on another transaction is usually waiting for a row: the waiter then holds
         -- that row's tuple lock, which names the table the transactionid lock does not.
         (SELECT h.relation FROM pg_locks h WHERE h.pid = l.pid AND h.granted AND h.locktype = 'tuple' LIMIT 1) AS row_relation,
         (SELECT format('(%s,%s)', h.page, h.tuple) FROM pg_locks h WHERE h.pid = l.pid AND h.granted AND h.locktype = 'tuple' LIMIT 1) AS row_tid,
         pg_blocking_pids(l.pid) AS blockers
    FROM pg_locks l
    JOIN pg_stat_activity a ON a.pid = l.pid
   WHERE NOT l.granted
     AND a.datid = (SELECT oid FROM pg_database WHERE datname = current_database())
)
SELECT w.pid, w.query, w.state, w.usename, w.application_name,
       to_char(w.xact_start AT TIME ZONE 'UTC', ${ISO}) AS xact_start,
       w.locktype, w.mode,
       coalesce(w.relation, w.row_relation)::regclass::text AS relation, w.row_tid,
       w.page, w.tuple, w.transactionid::text, w.virtualxid, w.classid::text, w.objid::text, w.objsubid::text,
       to_char(w.wait_start AT TIME ZONE 'UTC', ${ISO}) AS wait_start,
       extract(epoch FROM clock_timestamp() - w.wait_start)::float8 * 1000 AS waited_ms,
       b.pid AS b_pid, b.query AS b_query, b.state AS b_state, b.usename AS b_usename,
       b.application_name AS b_application_name,
       to_char(b.xact_start AT TIME ZONE 'UTC', ${ISO}) AS b_xact_start,
       b.wait_event_type = 'Lock' AS b_waiting,
       ARRAY(SELECT DISTINCT h.mode FROM pg_locks h
              WHERE h.pid = b.pid AND h.granted
                AND (h.locktype, h.database, h.relation, h.page, h.tuple, h.virtualxid, h.transactionid, h.classid, h.objid, h.objsubid)
                    IS NOT DISTINCT FROM
                    (w.locktype, w.database, w.relation, w.page, w.tuple, w.virtualxid, w.transactionid, w.classid, w.objid, w.objsubid)
            ) AS b_held
  FROM waiting w
  LEFT JOIN LATERAL unnest(w.blockers) AS bp(pid) ON true
  LEFT JOIN pg_stat_activity b ON b.pid = bp.pid
 ORDER BY w.pid, b.pid`;

export async function sampleLockWaits(db: Pick<pg.Pool, "query">): Promise<LockWaitSample[]> {
  const { rows } = await db.query<Row>(tagSql(SQL));
  const byWaiter = new Map<string, LockWaitSample>();
  for (const row of rows) {
    const key = `${row.pid}:${row.wait_start}`;
    let sample = byWaiter.get(key);
    if (!sample) {
      sample = {
        waiter: { pid: row.pid, query: row.query, state: row.state, user: row.usename, applicationName: row.application_name, xactStart: row.xact_start },
        waitStart: row.wait_start,
        waitedMs: Math.max(0, row.waited_ms),
        lock: { type: row.locktype, mode: row.mode, object: describeLockTarget(row), relation: row.relation },
        blockers: [],
      };
      byWaiter.set(key, sample);
    }
    if (row.b_pid !== null) {
      sample.blockers.push({
        pid: row.b_pid,
        query: row.b_query,
        state: row.b_state,
        user: row.b_usename,
        applicationName: row.b_application_name,
        xactStart: row.b_xact_start,
        heldModes: row.b_held ?? [],
        waiting: row.b_waiting ?? false,
      });
    }
  }
  return [...byWaiter.values()];
}

/** pg_locks' lock tag in words, as the server log would name it. */
export function describeLockTarget(tag: {
  locktype: string;
  relation: string | null;
  row_tid?: string | null;
  page: number | null;
  tuple: number | null;
  transactionid: string | null;
  virtualxid: string | null;
  classid: string | null;
  objid: string | null;
  objsubid: string | null;
}): string {
  switch (tag.locktype) {
    case "relation":
      return `relation ${tag.relation}`;
    case "extend":
      return `extension of relation ${tag.relation}`;
    case "page":
      return `page ${tag.page} of relation ${tag.relation}`;
    case "tuple":
      return `tuple (${tag.page},${tag.tuple}) of relation ${tag.relation}`;
    case "transactionid":
      return tag.row_tid && tag.relation
        ? `transaction ${tag.transactionid} (for row ${tag.row_tid} of relation ${tag.relation})`
        : `transaction ${tag.transactionid}`;
    case "virtualxid":
      return `virtual transaction ${tag.virtualxid}`;
    case "advisory":
      return `advisory lock [${tag.classid},${tag.objid},${tag.objsubid}]`;
    case "object":
      return `object ${tag.objid} of class ${tag.classid}`;
    default:
      return tag.locktype;
  }
}
