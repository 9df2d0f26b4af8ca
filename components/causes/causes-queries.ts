import { queryOptions } from "@tanstack/react-query";
import { poolWaitsResponseSchema, recentCausesResponseSchema, traceCausesResponseSchema } from "@/lib/causes/schemas";
import { fetchJson } from "@/lib/client/fetch-json";
import { queryKeys, type RangeKey } from "@/lib/client/query-keys";

// Every request the causes components make, each parsed with the API's own schema.

export function traceCausesQuery(traceId: string) {
  return queryOptions({
    queryKey: queryKeys.causes.trace(traceId),
    queryFn: ({ signal }) => fetchJson(`/api/v1/causes/traces/${traceId}`, traceCausesResponseSchema, { signal }),
  });
}

export function poolWaitsQuery(service: string, range: RangeKey) {
  return queryOptions({
    queryKey: queryKeys.causes.poolWaits(service, range),
    queryFn: ({ signal }) => fetchJson(`/api/v1/causes/pool-waits?service=${encodeURIComponent(service)}&from=${range.from}&to=${range.to}`, poolWaitsResponseSchema, { signal }),
  });
}

export function recentCausesQuery(range: RangeKey) {
  return queryOptions({
    queryKey: queryKeys.causes.recent(range),
    queryFn: ({ signal }) => fetchJson(`/api/v1/causes/recent?from=${range.from}&to=${range.to}`, recentCausesResponseSchema, { signal }),
  });
}
