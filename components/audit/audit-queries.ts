import { queryOptions } from "@tanstack/react-query";
import { auditRowQuery } from "@/lib/audit/audit-links";
import { auditChangesApiUrl, auditSearchKey } from "@/lib/audit/search/build-changes-request";
import type { AuditSearchFilters } from "@/lib/audit/search/search-params";
import { fetchJson } from "@/lib/client/fetch-json";
import { queryKeys, type AuditRowKey, type RangeKey } from "@/lib/client/query-keys";
import { auditChangesResponseSchema, auditRowAsOfResponseSchema, auditRowHistoryResponseSchema } from "@/lib/schemas/audit";

// Every request the audit pages make, each parsed with the API's own schema.

export function auditSearchQuery(range: RangeKey, filters: AuditSearchFilters) {
  return queryOptions({
    queryKey: queryKeys.audit.search(range, auditSearchKey(filters)),
    queryFn: ({ signal }) => fetchJson(auditChangesApiUrl(filters, { fromMs: range.from, toMs: range.to }), auditChangesResponseSchema, { signal }),
  });
}

export function auditRowHistoryQuery(row: AuditRowKey) {
  return queryOptions({
    queryKey: queryKeys.audit.rowHistory(row),
    queryFn: ({ signal }) => fetchJson(`/api/v1/audit/row-history?${auditRowQuery(row).toString()}`, auditRowHistoryResponseSchema, { signal }),
  });
}

export function auditRowAtQuery(row: AuditRowKey, atMs: number) {
  const params = auditRowQuery(row);
  params.set("at", String(atMs));
  return queryOptions({
    queryKey: queryKeys.audit.rowAt(row, atMs),
    queryFn: ({ signal }) => fetchJson(`/api/v1/audit/row?${params.toString()}`, auditRowAsOfResponseSchema, { signal }),
  });
}

/** Every change of one transaction, in the order it made them (all retained time: a txid is narrow). */
export function auditTransactionQuery(database: string, txid: string) {
  const params = new URLSearchParams({ database, txid, order: "asc", limit: "1000" });
  return queryOptions({
    queryKey: queryKeys.audit.transaction(database, txid),
    queryFn: ({ signal }) => fetchJson(`/api/v1/audit/changes?${params.toString()}`, auditChangesResponseSchema, { signal }),
  });
}
