import type pg from "pg";
import type { ChangeRef } from "./schemas";

// Audited changes as a violation's story shows them: by their keys (the trigger, the steps'
// changes), or every change of some rows within a window (the rows' history).

const CHANGE_COLUMNS = `a.id, extract(epoch FROM a.committed_at) * 1000 AS committed_ms, a.database, a.table_name, a.op, a.pk, a.changed_columns,
  a.before, a.after, encode(a.trace_id, 'hex') AS trace_id, encode(a.span_id, 'hex') AS span_id, a.txid::text AS txid`;

interface ChangeRow {
  id: string;
  committed_ms: string;
  database: string;
  table_name: string;
  op: ChangeRef["op"];
  pk: Record<string, unknown>;
  changed_columns: string[];
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  trace_id: string | null;
  span_id: string | null;
  txid: string | null;
}

const refOf = (row: ChangeRow): ChangeRef => ({
  id: row.id,
  committedAtMs: Math.round(Number(row.committed_ms)),
  database: row.database,
  table: row.table_name,
  op: row.op,
  pk: row.pk,
  changedColumns: row.changed_columns,
  before: row.before,
  after: row.after,
  traceId: row.trace_id,
  spanId: row.span_id,
  txid: row.txid,
});

/** Keys with their commit time as PostgreSQL wrote it (text, microseconds kept). */
export async function loadChangesByKey(pool: pg.Pool, keys: { id: string; committedAt: string }[]): Promise<ChangeRef[]> {
  if (keys.length === 0) return [];
  const { rows } = await pool.query<ChangeRow>(
    `SELECT ${CHANGE_COLUMNS} FROM unnest($1::text[], $2::timestamptz[]) AS q(id, committed_at)
       JOIN audit_changes a ON a.id = q.id AND a.committed_at = q.committed_at
      ORDER BY a.committed_at, a.id`,
    [keys.map((k) => k.id), keys.map((k) => k.committedAt)],
  );
  return rows.map(refOf);
}

export const MAX_HISTORY = 200;

export async function loadRowsHistory(pool: pg.Pool, rowsOf: { table: string; pk: Record<string, unknown> }[], fromMs: number, toMs: number): Promise<ChangeRef[]> {
  if (rowsOf.length === 0) return [];
  const { rows } = await pool.query<ChangeRow>(
    `SELECT ${CHANGE_COLUMNS} FROM audit_changes a
      WHERE (a.table_name, a.pk) IN (SELECT * FROM unnest($1::text[], $2::jsonb[]))
        AND a.committed_at BETWEEN $3 AND $4
      ORDER BY a.committed_at, a.id
      LIMIT ${MAX_HISTORY}`,
    [rowsOf.map((r) => r.table), rowsOf.map((r) => JSON.stringify(r.pk)), new Date(fromMs), new Date(toMs)],
  );
  return rows.map(refOf);
}
