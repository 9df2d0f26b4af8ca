import type pg from "pg";

// How far behind the primary a streaming replica's data is, asked of the replica itself.
// `now() - pg_last_xact_replay_timestamp()` alone grows while the primary is idle even though
// the replica has everything, so a replica that has replayed all the WAL it received counts as
// 0 s behind — but only while its WAL receiver is connected: after a disconnect the received
// position stays where it was, equal to the replayed one, however far the primary has moved on
// (pg_stat_wal_receiver then has no row; its status is hidden from unprivileged users, so a row
// without one counts as connected). null: the replica has replayed nothing yet (just made, or its primary never wrote).
// A server that is not in recovery (DATABASE_READ_URL pointing at a primary) is 0 s behind.

export interface ReplicaLag {
  inRecovery: boolean;
  lagSeconds: number | null;
}

export async function getReplicaLag(db: Pick<pg.Pool, "query">): Promise<ReplicaLag> {
  const { rows } = await db.query<{ in_recovery: boolean; lag_seconds: number | null }>(
    `SELECT pg_is_in_recovery() AS in_recovery,
            CASE WHEN NOT pg_is_in_recovery() THEN 0
                 WHEN pg_last_wal_receive_lsn() IS NOT NULL AND pg_last_wal_receive_lsn() = pg_last_wal_replay_lsn()
                      AND EXISTS (SELECT 1 FROM pg_stat_wal_receiver WHERE status IS NULL OR status = 'streaming') THEN 0
                 ELSE greatest(extract(epoch FROM now() - pg_last_xact_replay_timestamp()), 0)::float8
            END AS lag_seconds`,
  );
  const row = rows[0]!;
  return { inRecovery: row.in_recovery, lagSeconds: row.lag_seconds === null ? null : Math.round(row.lag_seconds * 10) / 10 };
}
