import { getReadPool } from "@/lib/db/client";
import { withRoute } from "@/lib/http/with-route";
import { queryMetricHeatmap } from "@/lib/metrics/query-metric-heatmap";
import { resolveTimeRange } from "@/lib/query/resolve-time-range";
import { metricHeatmapQuerySchema } from "@/lib/schemas/metrics";

export const dynamic = "force-dynamic";

export const GET = withRoute({ access: "viewer", query: metricHeatmapQuerySchema }, ({ query }) => {
  const { from, to, step, ...rest } = query;
  return queryMetricHeatmap(getReadPool(), { ...rest, ...resolveTimeRange({ from, to }, Date.now()), stepSeconds: step });
});
