import { queryOptions } from "@tanstack/react-query";
import { createdIngestKeySchema, ingestKeyListSchema, ingestKeySchema } from "@/lib/schemas/ingest-keys";
import { fetchJson } from "./fetch-json";
import { queryKeys } from "./query-keys";

export function ingestKeysQueryOptions() {
  return queryOptions({
    queryKey: queryKeys.ingestKeys(),
    queryFn: ({ signal }) => fetchJson("/api/v1/ingest-keys", ingestKeyListSchema, { signal }),
  });
}

export function createIngestKey(name: string) {
  return fetchJson("/api/v1/ingest-keys", createdIngestKeySchema, { method: "POST", json: { name } });
}

export function revokeIngestKey(id: string) {
  return fetchJson(`/api/v1/ingest-keys/${encodeURIComponent(id)}`, ingestKeySchema, { method: "DELETE" });
}
