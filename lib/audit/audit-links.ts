import type { AuditChange } from "@/lib/schemas/audit";

// Addresses of the audit pages and of the trace behind a change, built in one place so every
// link (results, drawer, history) agrees on the path contract:
//   /audit/<schema.table>/<pk as JSON>?database=…   a row's history
//   /audit/tx/<database>/<txid>                       one transaction's changes

export function traceOfChangeHref(traceId: string, spanId: string | null): string {
  return spanId ? `/traces/${traceId}?span=${spanId}` : `/traces/${traceId}`;
}

/** The row's history page. */
export function auditRowHref(change: Pick<AuditChange, "database" | "schema" | "table" | "pk">, extra: Record<string, string> = {}): string {
  const table = encodeURIComponent(`${change.schema}.${change.table}`);
  const pk = encodeURIComponent(JSON.stringify(change.pk));
  return `/audit/${table}/${pk}?${new URLSearchParams({ database: change.database, ...extra }).toString()}`;
}

/** Every change of one transaction, in order, across tables. */
export function auditTransactionHref(database: string, txid: number | string): string {
  return `/audit/tx/${encodeURIComponent(database)}/${txid}`;
}

/** The row API's query for a row named as the history page's URL names it. */
export function auditRowQuery(row: { database: string | null; table: string; pk: string }): URLSearchParams {
  const params = new URLSearchParams({ table: row.table, pk: row.pk });
  if (row.database) params.set("database", row.database);
  return params;
}
