import type { AuditChange } from "@/lib/schemas/audit";
import type { ChangeRef, ViolationSummary } from "./schemas";

// A violation names audited changes by `ChangeRef` (lib/consistency/schemas.ts): the same facts
// as the audit API's change, with the table as one name. These turn one into the other, so the
// violation page draws its rows with the audit pages' own diff card and links to the same row
// history pages, and name a row the way the list shows it (`payments {"id":"42"}`).

type Row = AuditChange["pk"];

/** `public.orders` → ["public", "orders"]; a bare `orders` is in `public`, as the agent reports it. */
export function splitTableName(table: string): { schema: string; table: string } {
  const dot = table.indexOf(".");
  return dot > 0 ? { schema: table.slice(0, dot), table: table.slice(dot + 1) } : { schema: "public", table };
}

export function toAuditChange(ref: ChangeRef): AuditChange {
  const { schema, table } = splitTableName(ref.table);
  const txid = ref.txid !== null && /^\d{1,15}$/.test(ref.txid) ? Number(ref.txid) : null;
  return {
    id: ref.id,
    database: ref.database,
    schema,
    table,
    op: ref.op,
    // The values came from the audit store as JSON: the record's unknowns are JSON values.
    pk: ref.pk as Row,
    before: ref.before as Row | null,
    after: ref.after as Row | null,
    changedColumns: ref.changedColumns,
    actor: null,
    dbUser: null,
    applicationName: null,
    statement: null,
    txid,
    traceId: ref.traceId,
    spanId: ref.spanId,
    committedAt: new Date(ref.committedAtMs).toISOString(),
  };
}

/** The row's history page (/audit/<schema.table>/<pk as JSON>?database=…). */
export function rowHistoryHref(row: { table: string; pk: Record<string, unknown>; database?: string | null }): string {
  const { schema, table } = splitTableName(row.table);
  const path = `/audit/${encodeURIComponent(`${schema}.${table}`)}/${encodeURIComponent(JSON.stringify(row.pk))}`;
  return row.database ? `${path}?${new URLSearchParams({ database: row.database }).toString()}` : path;
}

/** `payments {"id":"42"}`: how the list and the story name a row. */
export function describeRow(row: Pick<ViolationSummary, "table" | "pk">): string {
  return `${row.table} ${JSON.stringify(row.pk)}`;
}

/** The distinct rows a violation involves, in the order their first change appears. */
export function rowsOf(changes: readonly ChangeRef[]): { database: string; table: string; pk: Record<string, unknown>; changes: ChangeRef[] }[] {
  const rows = new Map<string, { database: string; table: string; pk: Record<string, unknown>; changes: ChangeRef[] }>();
  for (const change of changes) {
    const key = JSON.stringify([change.database, change.table, change.pk]);
    const row = rows.get(key) ?? { database: change.database, table: change.table, pk: change.pk, changes: [] };
    row.changes.push(change);
    rows.set(key, row);
  }
  return [...rows.values()];
}
