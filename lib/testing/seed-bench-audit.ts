import type pg from "pg";

// Bulk audit trail for `npm run bench:audit`, generated inside PostgreSQL (INSERT ... SELECT over
// generate_series, as seed-bench-telemetry.ts does for spans): change i of N commits at
// startMs + i · spacingMs. The shape follows the demo shop: orders (60 %), payments (20 %),
// order_items (15 %) and stock (5 %); each row changes five times in a row (INSERT, then UPDATEs
// of status NEW → PENDING_PAYMENT → PAID → SHIPPED → DELIVERED), 1 % of changes are DELETEs,
// 90 % carry a trace, three changes share a transaction, 20,000 actors. One "hot" order
// (id HOT_ORDER_ID) takes every (N / hotChanges)-th change, so its history has hotChanges entries
// spread over the whole window.

export const HOT_ORDER_ID = 0;
const STATUSES = ["NEW", "PENDING_PAYMENT", "PAID", "SHIPPED", "DELIVERED"];

export interface BenchAuditWindow {
  startMs: number;
  spacingMs: number;
  /** Every `hotEvery`-th change goes to the hot order. */
  hotEvery: number;
}

/** Inserts changes first..last (1-based); returns how many. */
export async function seedBenchAuditChanges(db: Pick<pg.Pool, "query">, window: BenchAuditWindow, first: number, last: number): Promise<number> {
  const { rowCount } = await db.query(
    `WITH gen AS (
       SELECT i, (i % $4::bigint = 0) AS hot, (i / 5) % 20 AS kind, i % 5 AS step,
              'epoch'::timestamptz + (($3::float8 + (i - 1) * $5::float8) * 1000) * interval '1 microsecond' AS committed_at
         FROM generate_series($1::bigint, $2::bigint) AS i
     ), shaped AS (
       SELECT g.*,
              CASE WHEN g.hot OR g.kind < 12 THEN 'orders' WHEN g.kind < 16 THEN 'payments' WHEN g.kind < 19 THEN 'order_items' ELSE 'stock' END AS table_name,
              CASE WHEN g.hot THEN ${HOT_ORDER_ID} ELSE g.i / 5 + 1 END AS row_id,
              CASE WHEN g.hot THEN 'UPDATE' WHEN g.step = 0 THEN 'INSERT' WHEN g.i % 100 = 99 THEN 'DELETE' ELSE 'UPDATE' END AS op,
              ($6::text[])[greatest(g.step, 1)] AS old_status, ($6::text[])[g.step + 1] AS new_status
         FROM gen g
     )
     INSERT INTO audit_changes (committed_at, id, database, schema_name, table_name, op, pk, before, after, changed_columns,
                                actor, db_user, application_name, statement, txid, trace_id, span_id)
     SELECT s.committed_at, 'bench:' || s.i, 'shop', 'public', s.table_name, s.op,
            jsonb_build_object('id', s.row_id),
            CASE WHEN s.op = 'INSERT' THEN NULL ELSE jsonb_build_object('id', s.row_id, 'status', s.old_status, 'total', 10 + s.row_id % 90, 'customer_id', s.row_id % 5000) END,
            CASE WHEN s.op = 'DELETE' THEN NULL ELSE jsonb_build_object('id', s.row_id, 'status', s.new_status, 'total', 10 + s.row_id % 90, 'customer_id', s.row_id % 5000) END,
            CASE WHEN s.op = 'UPDATE' THEN ARRAY['status'] ELSE '{}'::text[] END,
            'user-' || (s.i % 20000), CASE WHEN s.table_name = 'payments' THEN 'payments' ELSE 'shop' END,
            CASE WHEN s.table_name = 'payments' THEN 'payment-service' ELSE 'shop-api' END,
            CASE s.op WHEN 'INSERT' THEN 'INSERT INTO ' || s.table_name || ' (status, total) VALUES ($1, $2)'
                      WHEN 'DELETE' THEN 'DELETE FROM ' || s.table_name || ' WHERE id = $1'
                      ELSE 'UPDATE ' || s.table_name || ' SET status = $1 WHERE id = $2' END,
            s.i / 3,
            CASE WHEN s.i % 10 <> 0 THEN decode(md5('trace' || (s.i / 3)), 'hex') END,
            CASE WHEN s.i % 10 <> 0 THEN int8send(s.i) END
       FROM shaped s`,
    [first, last, window.startMs, window.hotEvery, window.spacingMs, STATUSES],
  );
  return rowCount ?? 0;
}

/**
 * Lock events and activity samples for the Database page's reads: a lock wait every `waitEveryMs`
 * over the last `days` days, and for the last day an activity sample every 5 s with ten idle
 * sessions and thirty tables (the agent's most: it samples every 5 s while sessions idle).
 */
export async function seedBenchDatabasePage(db: Pick<pg.Pool, "query">, endMs: number, days: number, waitEveryMs: number): Promise<{ waits: number; samples: number }> {
  const fromMs = endMs - days * 86_400_000;
  const samplesFromMs = endMs - 86_400_000;
  const waits = await db.query(
    `INSERT INTO lock_events (time, id, kind, database, duration_ms, details, trace_ids)
     SELECT to_timestamp(t / 1000.0), 'bench:wait:' || t, 'wait', 'shop', 50 + t % 3000,
            jsonb_build_object('ended', true,
              'lock', jsonb_build_object('type', 'transactionid', 'mode', 'ShareLock', 'object', 'transaction ' || t, 'relation', 'public.orders'),
              'waiter', jsonb_build_object('pid', 1000 + t % 50, 'query', 'UPDATE orders SET status = $1 WHERE id = $2', 'state', 'active', 'traceId', md5('w' || t)),
              'blockers', jsonb_build_array(jsonb_build_object('pid', 2000 + t % 50, 'query', 'UPDATE orders SET total = $1 WHERE id = $2', 'state', 'idle in transaction', 'heldModes', jsonb_build_array('ExclusiveLock'), 'waiting', false))),
            ARRAY[decode(md5('w' || t), 'hex')]
       FROM generate_series($1::bigint, $2::bigint, $3::bigint) AS t`,
    [fromMs, endMs, waitEveryMs],
  );
  const samples = await db.query(
    `INSERT INTO database_activity (time, database, idle_sessions, tables, trace_ids)
     SELECT to_timestamp(t / 1000.0), 'shop',
            (SELECT jsonb_agg(jsonb_build_object('pid', 3000 + p + (t / 60000) % 100, 'user', 'shop', 'applicationName', 'shop-api',
                      'xactStart', to_char(to_timestamp((t - 60000 * p) / 1000.0) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
                      'idleSince', to_char(to_timestamp((t - 50000 * p) / 1000.0) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
                      'idleMs', 50000 * p, 'query', 'SELECT * FROM orders WHERE id = $1 FOR UPDATE', 'traceId', md5('i' || p || t), 'spanId', left(md5('s' || p || t), 16)))
               FROM generate_series(1, 10) AS p),
            (SELECT jsonb_agg(jsonb_build_object('table', 'public.table_' || n, 'seqScans', t / 1000 + n, 'seqRowsRead', t / 10, 'indexScans', n * 1000,
                      'liveRows', 100000, 'deadRows', n * 100, 'lastVacuum', NULL, 'lastAutovacuum', NULL))
               FROM generate_series(1, 30) AS n),
            '{}'
       FROM generate_series($1::bigint, $2::bigint, 5000) AS t`,
    [samplesFromMs, endMs],
  );
  return { waits: waits.rowCount ?? 0, samples: samples.rowCount ?? 0 };
}
