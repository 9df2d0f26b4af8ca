import { queryOptions } from "@tanstack/react-query";
import type { z } from "zod";
import { fetchJson } from "@/lib/client/fetch-json";
import { queryKeys, type RangeKey } from "@/lib/client/query-keys";
import { logSearchResponseSchema } from "@/lib/schemas/logs";
import { redResponseSchema } from "@/lib/schemas/red";
import {
  serviceDbPoolResponseSchema,
  serviceDependenciesResponseSchema,
  serviceErrorsResponseSchema,
  serviceHealthResponseSchema,
  serviceOperationsResponseSchema,
  serviceVersionsResponseSchema,
  worstOperationsResponseSchema,
} from "@/lib/services/schemas";

// Every request the services list, a service's page and the overview's service parts make,
// each parsed with the API's own schema.

const window = (range: RangeKey) => `from=${range.from}&to=${range.to}`;
const servicePath = (service: string) => `/api/v1/services/${encodeURIComponent(service)}`;

export const RECENT_LOG_LIMIT = 50;

export function serviceHealthQuery(range: RangeKey) {
  return queryOptions({
    queryKey: queryKeys.services.health(range),
    queryFn: ({ signal }) => fetchJson(`/api/v1/service-health?${window(range)}`, serviceHealthResponseSchema, { signal }),
  });
}

const PART_SCHEMAS = {
  operations: serviceOperationsResponseSchema,
  dependencies: serviceDependenciesResponseSchema,
  errors: serviceErrorsResponseSchema,
  versions: serviceVersionsResponseSchema,
  "db-pool": serviceDbPoolResponseSchema,
} as const;
type Parts = typeof PART_SCHEMAS;

/** One part of a service's page: `/api/v1/services/{service}/{part}` over the window. */
export function servicePartQuery<P extends keyof Parts>(service: string, part: P, range: RangeKey) {
  const schema: Parts[P] = PART_SCHEMAS[part];
  return queryOptions({
    queryKey: queryKeys.services.part(service, part, range),
    // TypeScript cannot narrow the schema's output through the indexed type; the schema parses it.
    queryFn: ({ signal }) => fetchJson(`${servicePath(service)}/${part}?${window(range)}`, schema, { signal }) as Promise<z.infer<Parts[P]>>,
  });
}

/** Which requests a service's RED charts show: those it handled (SERVER, else CONSUMER), not its own calls out. */
export function redKindOf(operations: z.infer<typeof serviceOperationsResponseSchema> | undefined): "server" | "consumer" | null {
  const kinds = new Set(operations?.operations.map((op) => op.kind));
  return kinds.has("SERVER") ? "server" : kinds.has("CONSUMER") ? "consumer" : null;
}

/** The service's RED over the window, or over the window `shiftMs` earlier (a baseline); `kind`: only its requests (SERVER). */
export function serviceRedQuery(service: string, range: RangeKey, shiftMs = 0, kind: string | null = null) {
  const kindParam = kind ? `&kind=${kind}` : "";
  return queryOptions({
    queryKey: queryKeys.services.red(service, range, shiftMs, kind),
    queryFn: ({ signal }) => fetchJson(`/api/v1/red?service=${encodeURIComponent(service)}${kindParam}&from=${range.from - shiftMs}&to=${range.to - shiftMs}`, redResponseSchema, { signal }),
  });
}

export const DAY_MS = 86_400_000;

/** A service page's RED charts: the window, and the same window a day and a week earlier (drawn faintly). */
export function serviceRedQueries(service: string, range: RangeKey, kind: string | null) {
  return { current: serviceRedQuery(service, range, 0, kind), day: serviceRedQuery(service, range, DAY_MS, kind), week: serviceRedQuery(service, range, 7 * DAY_MS, kind) };
}

/** Everything a service's page asks for first (its RED charts wait for the operations: redKindOf). */
export function servicePageQueries(service: string, range: RangeKey) {
  const parts = (["versions", "operations", "dependencies", "errors", "db-pool"] as const).map((part) => servicePartQuery(service, part, range));
  return [...parts, serviceLogsQuery(service, range)];
}

export function serviceLogsQuery(service: string, range: RangeKey) {
  return queryOptions({
    queryKey: queryKeys.services.logs(service, range),
    queryFn: ({ signal }) => fetchJson(`/api/v1/logs?service=${encodeURIComponent(service)}&${window(range)}&limit=${RECENT_LOG_LIMIT}`, logSearchResponseSchema, { signal }),
  });
}

const RECENT_MS = 15 * 60_000;

/** The overview's "worst endpoints" look at the last 15 minutes of the window (all of it when shorter). */
export function recentPartOf(range: RangeKey): RangeKey {
  return { from: Math.max(range.from, range.to - RECENT_MS), to: range.to };
}

export function worstOperationsQuery(range: RangeKey) {
  return queryOptions({
    queryKey: queryKeys.services.worstOperations(range),
    queryFn: ({ signal }) => fetchJson(`/api/v1/worst-operations?${window(range)}&limit=5`, worstOperationsResponseSchema, { signal }),
  });
}
