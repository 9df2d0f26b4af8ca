import type pg from "pg";
import { AGENT_SQL_TAG, tagSql } from "./tag-sql";

// One reading of a database's health from the statistics views. Counters are cumulative as
// PostgreSQL keeps them (bigints as decimal strings → numbers; they stay far below 2^53 in
// practice); health-metrics.ts turns them into OTLP sums.

export interface HealthSnapshot {
  takenAt: number;
  maxConnections: number;
  /** Client backends of the whole server by database and state: exhaustion is server-wide. `self`: the watched database. */
  connections: { database: string; self: boolean; state: string; count: number }[];
  /** Backends of every type connected to this database (pg_stat_database.numbackends). */
  backends: number;
  idleInTransaction: { count: number; maxAgeSeconds: number };
  longestTransactionSeconds: number;
  lockWaits: { count: number; maxWaitSeconds: number };
  counters: { commits: number; rollbacks: number; deadlocks: number; tempBytes: number; tempFiles: number; blocksHit: number; blocksRead: number };
  statsReset: string | null;
  dbSizeBytes: number | null;
  replication: { client: string; dataDelayBytes: number | null; writeLagSeconds: number | null; flushLagSeconds: number | null; replayLagSeconds: number | null }[];
  /** On a standby: seconds since the last replayed transaction's commit. */
  standbyReplayDelaySeconds: number | null;
  /** Top statements by total execution time, when pg_stat_statements is there. */
  statements: { queryId: string; query: string; calls: number; totalSeconds: number; rows: number }[] | null;
}

interface MainRow {
  max_connections: number;
  connections: { database: string; self: boolean; state: string; count: number }[];
  numbackends: number;
  commits: string;
  rollbacks: string;
  deadlocks: string;
  temp_bytes: string;
  temp_files: string;
  blks_hit: string;
  blks_read: string;
  stats_reset: string | null;
  idle_tx: number;
  idle_tx_age: number;
  longest_xact: number;
  lock_waiting: number;
  lock_wait_max: number;
  standby_delay: number | null;
}

const MAIN_SQL = `
SELECT current_setting('max_connections')::int AS max_connections,
       (SELECT coalesce(json_agg(json_build_object('database', coalesce(s.datname, ''), 'self', s.datname IS NOT DISTINCT FROM current_database(), 'state', s.state, 'count', s.n)), '[]')
          FROM (SELECT datname, coalesce(state, 'unknown') AS state, count(*)::int AS n
                  FROM pg_stat_activity WHERE backend_type = 'client backend' GROUP BY 1, 2) s) AS connections,
       d.numbackends,
       d.xact_commit::text AS commits, d.xact_rollback::text AS rollbacks, d.deadlocks::text AS deadlocks,
       d.temp_bytes::text AS temp_bytes, d.temp_files::text AS temp_files,
       d.blks_hit::text AS blks_hit, d.blks_read::text AS blks_read,
       d.stats_reset::text AS stats_reset,
       a.idle_tx, a.idle_tx_age, a.longest_xact, a.lock_waiting,
       (SELECT coalesce(max(extract(epoch FROM clock_timestamp() - l.waitstart)), 0)::float8
          FROM pg_locks l JOIN pg_stat_activity w ON w.pid = l.pid
         WHERE NOT l.granted AND w.datid = d.datid) AS lock_wait_max,
       CASE WHEN pg_is_in_recovery() THEN extract(epoch FROM now() - pg_last_xact_replay_timestamp())::float8 END AS standby_delay
  FROM pg_stat_database d
  CROSS JOIN LATERAL (
       SELECT count(*) FILTER (WHERE state LIKE 'idle in transaction%')::int AS idle_tx,
              coalesce(max(extract(epoch FROM now() - state_change)) FILTER (WHERE state LIKE 'idle in transaction%'), 0)::float8 AS idle_tx_age,
              coalesce(max(extract(epoch FROM now() - xact_start)) FILTER (WHERE backend_type = 'client backend' AND pid <> pg_backend_pid()), 0)::float8 AS longest_xact,
              count(*) FILTER (WHERE wait_event_type = 'Lock')::int AS lock_waiting
         FROM pg_stat_activity WHERE datid = d.datid) a
 WHERE d.datname = current_database()`;

const REPLICATION_SQL = `
SELECT coalesce(host(client_addr), 'unix') AS client,
       CASE WHEN NOT pg_is_in_recovery() THEN pg_wal_lsn_diff(pg_current_wal_lsn(), replay_lsn)::float8 END AS bytes,
       extract(epoch FROM write_lag)::float8 AS write_lag, extract(epoch FROM flush_lag)::float8 AS flush_lag,
       extract(epoch FROM replay_lag)::float8 AS replay_lag
  FROM pg_stat_replication`;

export interface HealthSampler {
  sample(db: Pick<pg.Pool, "query">, options: { withSize: boolean }): Promise<HealthSnapshot>;
  /** Why top statements are missing, when they are. */
  readonly statementsNote: string | undefined;
}

/** Keeps what it learned about the server (is pg_stat_statements usable?) between samples. */
export function createHealthSampler(): HealthSampler {
  // undefined: not looked yet; null: not available
  let statementsSchema: string | null | undefined;
  let statementsNote: string | undefined;
  let lastSize: number | null = null;

  return {
    get statementsNote() {
      return statementsNote;
    },
    async sample(db, { withSize }) {
      const { rows } = await db.query<MainRow>(tagSql(MAIN_SQL));
      const main = rows[0];
      if (!main) throw new Error("pg_stat_database has no row for this database");
      const replication = await db.query<{ client: string; bytes: number | null; write_lag: number | null; flush_lag: number | null; replay_lag: number | null }>(tagSql(REPLICATION_SQL));
      if (withSize) lastSize = Number((await db.query<{ size: string }>(tagSql("SELECT pg_database_size(current_database())::text AS size"))).rows[0]?.size ?? 0);

      if (statementsSchema === undefined) {
        const ext = await db.query<{ schema: string }>(tagSql("SELECT extnamespace::regnamespace::text AS schema FROM pg_extension WHERE extname = 'pg_stat_statements'"));
        statementsSchema = ext.rows[0]?.schema ?? null;
        if (!statementsSchema) statementsNote = "pg_stat_statements is not installed in this database";
      }
      let statements: HealthSnapshot["statements"] = null;
      if (statementsSchema) {
        try {
          const top = await db.query<{ queryid: string; query: string; calls: string; total: number; rows: string }>(
            tagSql(`SELECT queryid::text, left(query, 1000) AS query, calls::text, (total_exec_time / 1000)::float8 AS total, rows::text
               FROM ${statementsSchema}.pg_stat_statements
              WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database()) AND queryid IS NOT NULL
                AND query NOT LIKE $1
              ORDER BY total_exec_time DESC LIMIT 10`),
            [`%${AGENT_SQL_TAG}%`],
          );
          statements = top.rows.map((r) => ({ queryId: r.queryid, query: r.query, calls: Number(r.calls), totalSeconds: r.total, rows: Number(r.rows) }));
        } catch (error) {
          // Typically "pg_stat_statements must be loaded via shared_preload_libraries".
          statementsSchema = null;
          statementsNote = `pg_stat_statements unusable: ${(error as Error).message}`;
        }
      }

      return {
        takenAt: Date.now(),
        maxConnections: main.max_connections,
        connections: main.connections,
        backends: main.numbackends,
        idleInTransaction: { count: main.idle_tx, maxAgeSeconds: main.idle_tx_age },
        longestTransactionSeconds: main.longest_xact,
        lockWaits: { count: main.lock_waiting, maxWaitSeconds: main.lock_wait_max },
        counters: {
          commits: Number(main.commits),
          rollbacks: Number(main.rollbacks),
          deadlocks: Number(main.deadlocks),
          tempBytes: Number(main.temp_bytes),
          tempFiles: Number(main.temp_files),
          blocksHit: Number(main.blks_hit),
          blocksRead: Number(main.blks_read),
        },
        statsReset: main.stats_reset,
        dbSizeBytes: lastSize,
        replication: replication.rows.map((r) => ({ client: r.client, dataDelayBytes: r.bytes, writeLagSeconds: r.write_lag, flushLagSeconds: r.flush_lag, replayLagSeconds: r.replay_lag })),
        standbyReplayDelaySeconds: main.standby_delay,
        statements,
      };
    },
  };
}

/** Buffer cache hit ratio between two readings (0..1), or null when nothing was read in between. */
export function cacheHitRatio(previous: HealthSnapshot | undefined, current: HealthSnapshot): number | null {
  const hits = current.counters.blocksHit - (previous?.counters.blocksHit ?? 0);
  const reads = current.counters.blocksRead - (previous?.counters.blocksRead ?? 0);
  // A stats reset makes the difference negative: fall back to the totals since the reset.
  if (hits < 0 || reads < 0) return cacheHitRatio(undefined, current);
  return hits + reads > 0 ? hits / (hits + reads) : null;
}
