import { queryOptions } from "@tanstack/react-query";
import { auditChangesApiUrl, auditSearchKey } from "@/lib/audit/search/build-changes-request";
import type { AuditSearchFilters } from "@/lib/audit/search/search-params";
import { fetchJson } from "@/lib/client/fetch-json";
import { queryKeys, type RangeKey } from "@/lib/client/query-keys";
import { auditChangesResponseSchema } from "@/lib/schemas/audit";

// Every request the audit pages make, each parsed with the API's own schema.

export function auditSearchQuery(range: RangeKey, filters: AuditSearchFilters) {
  return queryOptions({
    queryKey: queryKeys.audit.search(range, auditSearchKey(filters)),
    queryFn: ({ signal }) => fetchJson(auditChangesApiUrl(filters, { fromMs: range.from, toMs: range.to }), auditChangesResponseSchema, { signal }),
  });
}
