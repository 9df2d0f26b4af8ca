import type pg from "pg";
import { getReadPool } from "@/lib/db/client";
import { withRoute } from "@/lib/http/with-route";
import { resolveTimeRange } from "@/lib/query/resolve-time-range";
import { parsePathParams } from "@/lib/schemas/parse-path-params";
import { servicePathSchema, serviceWindowQuerySchema } from "./schemas";

// The routes under /api/v1/services/{service}/ are the same glue around different reads: a
// viewer, the service from the path, the window from `from`/`to`.

type ServiceRead = (db: pg.Pool, input: { service: string; fromMs: number; toMs: number }) => Promise<unknown>;

export function serviceRoute(read: ServiceRead) {
  return withRoute({ access: "viewer", query: serviceWindowQuerySchema }, ({ query, params }: { query: { from?: number; to?: number }; params: { service: string } }) => {
    const { service } = parsePathParams(servicePathSchema, params);
    return read(getReadPool(), { service, ...resolveTimeRange(query, Date.now()) });
  });
}
