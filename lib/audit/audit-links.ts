import type { AuditChange } from "@/lib/schemas/audit";

// Addresses of the audit pages and of the trace behind a change, built in one place so every
// link (results, drawer, history, transaction) agrees on the path contract.

export function traceOfChangeHref(traceId: string, spanId: string | null): string {
  return spanId ? `/traces/${traceId}?span=${spanId}` : `/traces/${traceId}`;
}

/** Every change of the row (the search, filtered to its table and key). */
export function auditRowHref(change: Pick<AuditChange, "database" | "schema" | "table" | "pk">): string {
  const params = new URLSearchParams({ database: change.database, table: `${change.schema}.${change.table}`, pk: JSON.stringify(change.pk) });
  return `/audit?${params.toString()}`;
}

/** Every change of the transaction. */
export function auditTransactionHref(database: string, txid: number | string): string {
  return `/audit?${new URLSearchParams({ database, txid: String(txid) }).toString()}`;
}
