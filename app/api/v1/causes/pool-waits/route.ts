import { getPoolWaits } from "@/lib/causes/get-pool-waits";
import { poolWaitsQuerySchema } from "@/lib/causes/schemas";
import { getReadPool } from "@/lib/db/client";
import { withRoute } from "@/lib/http/with-route";
import { resolveTimeRange } from "@/lib/query/resolve-time-range";

export const dynamic = "force-dynamic";

export const GET = withRoute({ access: "viewer", query: poolWaitsQuerySchema }, ({ query }) =>
  getPoolWaits(getReadPool(), { service: query.service, ...resolveTimeRange(query, Date.now()) }),
);
