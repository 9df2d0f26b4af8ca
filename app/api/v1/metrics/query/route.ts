import { getReadPool } from "@/lib/db/client";
import { withRoute } from "@/lib/http/with-route";
import { queryMetricSeries } from "@/lib/query/query-metric-series";
import { resolveTimeRange } from "@/lib/query/resolve-time-range";
import { metricQuerySchema } from "@/lib/schemas/metrics";

export const dynamic = "force-dynamic";

export const GET = withRoute({ access: "viewer", query: metricQuerySchema }, ({ query }) => {
  const { from, to, step, ...rest } = query;
  return queryMetricSeries(getReadPool(), { ...rest, ...resolveTimeRange({ from, to }, Date.now()), stepSeconds: step });
});
