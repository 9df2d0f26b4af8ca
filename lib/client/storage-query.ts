import { queryOptions } from "@tanstack/react-query";
import { storageResponseSchema } from "@/lib/schemas/storage";
import { fetchJson } from "./fetch-json";
import { queryKeys } from "./query-keys";

export function storageQueryOptions() {
  return queryOptions({
    queryKey: queryKeys.storage(),
    queryFn: ({ signal }) => fetchJson("/api/v1/storage", storageResponseSchema, { signal }),
  });
}
