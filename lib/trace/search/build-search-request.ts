import { MAX_SEARCH_TRACE_IDS } from "@/lib/schemas/traces";
import { DEFAULT_LIMIT, MAX_LIMIT } from "./search-limits";
import type { TraceSearchFilters } from "./search-params";

// Filters from the URL → the API request. Values a person can put in a URL by hand (a
// negative duration, a limit of a million) are corrected here rather than sent on to fail;
// search-url-rules.ts makes the page say so.

/** With `touches`, results are narrowed in the browser, so more are fetched to narrow from. */
export const TOUCHES_FETCH_LIMIT = 500;

export function traceSearchApiUrl(filters: TraceSearchFilters, window: { fromMs: number; toMs: number }): string {
  const params = new URLSearchParams();
  if (filters.service) params.set("service", filters.service);
  if (filters.operation) params.set("operation", filters.operation);
  if (isDuration(filters.minDurationMs)) params.set("minDurationMs", String(filters.minDurationMs));
  if (isDuration(filters.maxDurationMs)) params.set("maxDurationMs", String(filters.maxDurationMs));
  if (filters.status !== "any") params.set("status", filters.status);
  if (filters.timeout) params.set("timeout", "true");
  for (const condition of filters.attr) params.append("attr", condition);
  for (const key of filters.attrExists) params.append("attrExists", key);
  for (const id of usedTraceIds(filters.traceId)) params.append("traceId", id);
  params.set("from", String(Math.trunc(window.fromMs)));
  params.set("to", String(Math.trunc(window.toMs)));
  params.set("sort", filters.sort);
  params.set("limit", String(effectiveLimit(filters)));
  return `/api/v1/traces?${params.toString()}`;
}

export function effectiveLimit(filters: Pick<TraceSearchFilters, "limit" | "touches">): number {
  const limit = Number.isInteger(filters.limit) && filters.limit > 0 ? Math.min(filters.limit, MAX_LIMIT) : DEFAULT_LIMIT;
  return filters.touches ? Math.max(limit, TOUCHES_FETCH_LIMIT) : limit;
}

/** The trace ids sent: distinct, the first MAX_SEARCH_TRACE_IDS (search-url-rules.ts names the rest). */
export function usedTraceIds(ids: readonly string[]): string[] {
  return [...new Set(ids)].slice(0, MAX_SEARCH_TRACE_IDS);
}

function isDuration(value: number | null): value is number {
  return value !== null && Number.isFinite(value) && value >= 0;
}

/** The part of the filters that decides the answer, for the query key. */
export function searchKey(filters: TraceSearchFilters) {
  return { ...filters, limit: effectiveLimit(filters), touches: null };
}
