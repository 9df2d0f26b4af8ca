import { AUDIT_FILTER_KEYS, AUDIT_MAX_LIMIT, type AuditSearchFilters } from "./search-params";

// From the page's filters to the API's query string. Names are the same on both sides, so this
// only drops empty filters, trims text and caps the limit as the page's notice says it does.

export function auditFilterParams(filters: AuditSearchFilters): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of AUDIT_FILTER_KEYS) {
    const raw = filters[key];
    const value = typeof raw === "string" && key !== "value" ? raw.trim() : raw;
    if (value) params.set(key, value);
  }
  return params;
}

/** GET /api/v1/audit/changes for the filters in a window (Unix ms). */
export function auditChangesApiUrl(filters: AuditSearchFilters, window: { fromMs: number; toMs: number }): string {
  const params = auditFilterParams(filters);
  params.set("from", String(window.fromMs));
  params.set("to", String(window.toMs));
  params.set("limit", String(Math.min(filters.limit, AUDIT_MAX_LIMIT)));
  return `/api/v1/audit/changes?${params.toString()}`;
}

/** The key the query cache uses: the filters the API sees, nothing else. */
export function auditSearchKey(filters: AuditSearchFilters): Record<string, string> {
  return { ...Object.fromEntries(auditFilterParams(filters)), limit: String(Math.min(filters.limit, AUDIT_MAX_LIMIT)) };
}

/** The CSV download of exactly the search the table shows: same filters, window and limit. */
export function auditChangesExportUrl(filters: AuditSearchFilters, window: { fromMs: number; toMs: number }): string {
  return auditChangesApiUrl(filters, window).replace("/api/v1/audit/changes?", "/api/v1/audit/changes/export?");
}
