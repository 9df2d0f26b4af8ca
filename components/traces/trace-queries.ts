import { queryOptions } from "@tanstack/react-query";
import { fetchJson } from "@/lib/client/fetch-json";
import { queryKeys, type RangeKey } from "@/lib/client/query-keys";
import { auditChangesResponseSchema } from "@/lib/schemas/audit";
import { logSearchResponseSchema } from "@/lib/schemas/logs";
import { servicesResponseSchema } from "@/lib/schemas/services";
import { spanAttributesResponseSchema } from "@/lib/schemas/span-attributes";
import { compactTraceSchema, findInTraceResponseSchema, traceSpanResponseSchema } from "@/lib/schemas/trace-compact";
import { traceSearchResponseSchema } from "@/lib/schemas/traces";
import { searchKey, traceSearchApiUrl } from "@/lib/trace/search/build-search-request";
import type { TraceSearchFilters } from "@/lib/trace/search/search-params";

// Every request the trace pages make, each parsed with the API's own schema. A stored trace
// does not change once its spans are in, so trace-scoped answers stay fresh for a while;
// searches follow the window and the refresh control.

const window = (range: RangeKey) => `from=${range.from}&to=${range.to}`;

export function traceSearchQuery(range: RangeKey, filters: TraceSearchFilters) {
  return queryOptions({
    queryKey: queryKeys.traces.search(range, searchKey(filters)),
    queryFn: ({ signal }) => fetchJson(traceSearchApiUrl(filters, { fromMs: range.from, toMs: range.to }), traceSearchResponseSchema, { signal }),
  });
}

export function servicesQuery(range: RangeKey) {
  return queryOptions({
    queryKey: queryKeys.traces.services(range),
    queryFn: ({ signal }) => fetchJson(`/api/v1/services?${window(range)}`, servicesResponseSchema, { signal }),
  });
}

export function spanAttributesQuery(range: RangeKey, service: string | null) {
  const serviceParam = service ? `&service=${encodeURIComponent(service)}` : "";
  return queryOptions({
    queryKey: queryKeys.traces.attributes(range, service),
    queryFn: ({ signal }) => fetchJson(`/api/v1/span-attributes?${window(range)}${serviceParam}`, spanAttributesResponseSchema, { signal }),
    staleTime: 60_000,
  });
}

export function compactTraceUrl(traceId: string) {
  return `/api/v1/traces/${traceId}/compact`;
}

export function compactTraceQuery(traceId: string) {
  return queryOptions({
    queryKey: queryKeys.traces.compact(traceId),
    // Accept */* like the <link rel="preload"> the page sends with its HTML: a request that
    // differs in its headers would not be served the preloaded response.
    queryFn: ({ signal }) => fetchJson(compactTraceUrl(traceId), compactTraceSchema, { signal, headers: { accept: "*/*" } }),
    staleTime: 5 * 60_000,
  });
}

export function traceSpanQuery(traceId: string, spanId: string) {
  return queryOptions({
    queryKey: queryKeys.traces.span(traceId, spanId),
    queryFn: ({ signal }) => fetchJson(`/api/v1/traces/${traceId}/spans/${spanId}`, traceSpanResponseSchema, { signal }),
    staleTime: 5 * 60_000,
  });
}

export function findInTraceQuery(traceId: string, text: string) {
  return queryOptions({
    queryKey: queryKeys.traces.find(traceId, text),
    queryFn: ({ signal }) => fetchJson(`/api/v1/traces/${traceId}/find?q=${encodeURIComponent(text)}`, findInTraceResponseSchema, { signal }),
    staleTime: 5 * 60_000,
  });
}

export const TRACE_LOG_LIMIT = 1000;

export function traceLogsQuery(traceId: string) {
  return queryOptions({
    queryKey: queryKeys.traces.logs(traceId),
    queryFn: ({ signal }) => fetchJson(`/api/v1/logs?traceId=${traceId}&limit=${TRACE_LOG_LIMIT}`, logSearchResponseSchema, { signal }),
  });
}

export const TRACE_CHANGE_LIMIT = 1000;

export function traceChangesQuery(traceId: string) {
  return queryOptions({
    queryKey: queryKeys.traces.changes(traceId),
    queryFn: ({ signal }) => fetchJson(`/api/v1/audit/changes?traceId=${traceId}&order=asc&limit=${TRACE_CHANGE_LIMIT}`, auditChangesResponseSchema, { signal }),
  });
}
