import { infiniteQueryOptions, queryOptions } from "@tanstack/react-query";
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

/**
 * Changes a page of the row history draws at a time. Each is drawn with its whole diff: a first
 * page of 1,000 (the API's default) kept Chromium from hydrating within 30 s in e2e on the shared
 * 2-core machine, while the API answered 1,000 in 25 ms (bench:audit).
 */
export const ROW_HISTORY_PAGE = 200;

/** A row's history a page at a time, oldest first: each page starts after the previous one's last change. */
export function auditRowHistoryQuery(row: AuditRowKey) {
  return infiniteQueryOptions({
    queryKey: queryKeys.audit.rowHistory(row),
    initialPageParam: null as string | null,
    queryFn: ({ signal, pageParam }) => {
      const params = auditRowQuery(row);
      params.set("limit", String(ROW_HISTORY_PAGE));
      if (pageParam !== null) params.set("after", pageParam);
      return fetchJson(`/api/v1/audit/row-history?${params.toString()}`, auditRowHistoryResponseSchema, { signal });
    },
    getNextPageParam: (page) => page.nextAfter,
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
