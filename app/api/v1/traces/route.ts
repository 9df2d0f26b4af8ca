import { getReadPool } from "@/lib/db/client";
import { withRoute } from "@/lib/http/with-route";
import { resolveTimeRange } from "@/lib/query/resolve-time-range";
import { searchTraces } from "@/lib/query/search-traces";
import { traceSearchQuerySchema } from "@/lib/schemas/traces";

export const dynamic = "force-dynamic";

export const GET = withRoute({ access: "viewer", query: traceSearchQuerySchema }, ({ query }) => {
  const { from, to, ...filters } = query;
  return searchTraces(getReadPool(), { ...filters, ...resolveTimeRange({ from, to }, Date.now()) });
});
