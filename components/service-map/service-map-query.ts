import { queryOptions } from "@tanstack/react-query";
import { fetchJson } from "@/lib/client/fetch-json";
import { queryKeys, type RangeKey } from "@/lib/client/query-keys";
import { serviceMapResponseSchema } from "@/lib/schemas/service-map";

export function serviceMapQuery(range: RangeKey) {
  return queryOptions({
    queryKey: queryKeys.serviceMap(range),
    queryFn: ({ signal }) => fetchJson(`/api/v1/service-map?from=${range.from}&to=${range.to}`, serviceMapResponseSchema, { signal }),
  });
}
