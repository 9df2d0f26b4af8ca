import type pg from "pg";
import type { AuditChange, AuditChangesQuery, AuditChangesResponse } from "@/lib/schemas/audit";

// GET /api/v1/audit/changes: the audit trail filtered by table, primary key, trace, transaction,
// column, value, actor, database user, application and time.
// The WHERE clause is built from the filters given (values always as parameters), so each query
// can use the row index (table, pk, time) or the trace index instead of a catch-all plan.

interface Row {
  id: string;
  database: string;
  schema_name: string;
  table_name: string;
  op: AuditChange["op"];
  pk: AuditChange["pk"];
  before: AuditChange["before"];
  after: AuditChange["after"];
  changed_columns: string[];
  actor: string | null;
  db_user: string | null;
  application_name: string | null;
  statement: string | null;
  txid: string | null;
  trace_id: string | null;
  span_id: string | null;
  committed_at: string;
}

const DEFAULT_WINDOW_MS = 24 * 60 * 60 * 1000;

/**
 * A row's history (pk), a request's (traceId) or a transaction's changes (txid) are narrow over any time; a
 * listing without them reads the last day unless told otherwise, so it never sorts 90 days.
 */
function defaultFrom(query: AuditChangesQuery): number | undefined {
  if (query.pk || query.traceId || query.txid) return undefined;
  return (query.to ?? Date.now()) - DEFAULT_WINDOW_MS;
}

/** Where a page of a longer listing starts: strictly after this change, in the listing's order. */
export interface AuditChangesCursor {
  committedAt: string;
  id: string;
}

export async function listAuditChanges(db: Pick<pg.Pool, "query">, query: AuditChangesQuery, after?: AuditChangesCursor): Promise<AuditChangesResponse> {
  const params: unknown[] = [];
  const param = (value: unknown) => `$${params.push(value)}`;
  const where: string[] = [];
  if (query.database) where.push(`database = ${param(query.database)}`);
  if (query.table) {
    const dot = query.table.indexOf(".");
    // "public.orders" names schema and table; a table whose own name has a dot still matches.
    where.push(
      dot > 0
        ? `(table_name = ${param(query.table)} OR (schema_name = ${param(query.table.slice(0, dot))} AND table_name = ${param(query.table.slice(dot + 1))}))`
        : `table_name = ${param(query.table)}`,
    );
  }
  if (query.pk && "object" in query.pk) where.push(`pk = ${param(JSON.stringify(query.pk.object))}::jsonb`);
  if (query.pk && "value" in query.pk) {
    // The first condition is what audit_changes_pk_value_idx holds (the key's only value); the
    // second keeps the rule exact: a key of one column, whose value is that text.
    const value = param(query.pk.value);
    where.push(`(jsonb_path_query_first(pk, '$.*') #>> '{}') = ${value}::text AND ARRAY(SELECT value FROM jsonb_each_text(pk)) = ARRAY[${value}::text]`);
  }
  if (query.traceId) where.push(`trace_id = decode(${param(query.traceId)}, 'hex')`);
  if (query.op) where.push(`op = ${param(query.op)}`);
  if (query.column) where.push(`${param(query.column)} = ANY(changed_columns)`);
  if (query.value) {
    const column = param(query.value.key);
    const value = param(query.value.value);
    where.push(`(before ->> ${column} = ${value} OR after ->> ${column} = ${value})`);
  }
  if (query.actor) where.push(`actor = ${param(query.actor)}`);
  if (query.dbUser) where.push(`db_user = ${param(query.dbUser)}`);
  if (query.application) where.push(`application_name = ${param(query.application)}`);
  if (query.txid) where.push(`txid = ${param(query.txid)}::bigint`);
  const from = query.from ?? defaultFrom(query);
  if (from !== undefined) where.push(`committed_at >= to_timestamp(${param(from)}::float8 / 1000)`);
  if (query.to !== undefined) where.push(`committed_at < to_timestamp(${param(query.to)}::float8 / 1000)`);
  const direction = query.order === "asc" ? "ASC" : "DESC";
  if (after) {
    // The same key as ORDER BY below, compared as a row: the next page starts where this one ended.
    const key = `(${param(after.committedAt)}::timestamptz, ${param(after.id.length)}::int, ${param(after.id)}::text)`;
    where.push(`(committed_at, length(id), id) ${direction === "ASC" ? ">" : "<"} ${key}`);
  }

  const { rows } = await db.query<Row>(
    `SELECT id, database, schema_name, table_name, op, pk, before, after, changed_columns, actor, db_user, application_name,
            statement, txid::text, encode(trace_id, 'hex') AS trace_id, encode(span_id, 'hex') AS span_id,
            to_char(committed_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS committed_at
       FROM audit_changes
      ${where.length ? `WHERE ${where.join(" AND ")}` : ""}
      -- Changes of one transaction share a commit time; the agent's ids end in its outbox
      -- sequence, so (length, text) orders them as they happened. Qualified: a bare
      -- committed_at here is the text column of the same name selected above, and sorting by
      -- it cannot read audit_changes_order_idx (every change of the window was sorted).
      ORDER BY audit_changes.committed_at ${direction}, length(id) ${direction}, id ${direction}
      LIMIT ${param(query.limit)}`,
    params,
  );
  return {
    changes: rows.map((row) => ({
      id: row.id,
      database: row.database,
      schema: row.schema_name,
      table: row.table_name,
      op: row.op,
      pk: row.pk,
      before: row.before,
      after: row.after,
      changedColumns: row.changed_columns,
      actor: row.actor,
      dbUser: row.db_user,
      applicationName: row.application_name,
      statement: row.statement,
      txid: row.txid === null ? null : Number(row.txid),
      traceId: row.trace_id,
      spanId: row.span_id,
      committedAt: row.committed_at,
    })),
  };
}
