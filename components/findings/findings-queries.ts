import { queryOptions } from "@tanstack/react-query";
import { fetchJson } from "@/lib/client/fetch-json";
import { queryKeys, type RangeKey } from "@/lib/client/query-keys";
import { duplicateDeliveriesResponseSchema, slowWindowsResponseSchema, traceDeliveriesResponseSchema, whySlowResponseSchema } from "@/lib/findings/schemas";

// Every request the findings make, each parsed with the API's own schema.

const window = (range: RangeKey) => `from=${range.from}&to=${range.to}`;

export function traceDeliveriesQuery(traceId: string) {
  return queryOptions({
    queryKey: queryKeys.findings.traceDeliveries(traceId),
    queryFn: ({ signal }) => fetchJson(`/api/v1/traces/${traceId}/deliveries`, traceDeliveriesResponseSchema, { signal }),
    staleTime: 30_000,
  });
}

export function duplicateDeliveriesQuery(range: RangeKey) {
  return queryOptions({
    queryKey: queryKeys.findings.duplicates(range),
    queryFn: ({ signal }) => fetchJson(`/api/v1/findings/duplicate-deliveries?${window(range)}`, duplicateDeliveriesResponseSchema, { signal }),
  });
}

export function slowWindowsQuery(range: RangeKey) {
  return queryOptions({
    queryKey: queryKeys.findings.slowWindows(range),
    queryFn: ({ signal }) => fetchJson(`/api/v1/findings/slow-windows?${window(range)}`, slowWindowsResponseSchema, { signal }),
  });
}

export function whySlowQuery(range: RangeKey, service: string, operation: string | null, thresholdMs: number | null) {
  const params = new URLSearchParams({ service, from: String(range.from), to: String(range.to) });
  if (operation !== null) params.set("operation", operation);
  if (thresholdMs !== null) params.set("thresholdMs", String(thresholdMs));
  return queryOptions({
    queryKey: queryKeys.findings.whySlow(range, service, operation, thresholdMs),
    queryFn: ({ signal }) => fetchJson(`/api/v1/findings/why-slow?${params.toString()}`, whySlowResponseSchema, { signal }),
  });
}
