import { getReadPool } from "@/lib/db/client";
import { withRoute } from "@/lib/http/with-route";
import { resolveTimeRange } from "@/lib/query/resolve-time-range";
import { searchLogs } from "@/lib/query/search-logs";
import { logSearchQuerySchema } from "@/lib/schemas/logs";

export const dynamic = "force-dynamic";

export const GET = withRoute({ access: "viewer", query: logSearchQuerySchema }, ({ query }) => {
  const { from, to, ...filters } = query;
  // A trace's logs are found by its id wherever they are in time; a window is only applied when asked for.
  const window = filters.traceId && from === undefined && to === undefined ? {} : resolveTimeRange({ from, to }, Date.now());
  return searchLogs(getReadPool(), { ...filters, ...window });
});
