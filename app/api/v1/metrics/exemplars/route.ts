import { getReadPool } from "@/lib/db/client";
import { withRoute } from "@/lib/http/with-route";
import { listMetricExemplars } from "@/lib/metrics/list-metric-exemplars";
import { resolveTimeRange } from "@/lib/query/resolve-time-range";
import { metricExemplarsQuerySchema } from "@/lib/schemas/metrics";

export const dynamic = "force-dynamic";

export const GET = withRoute({ access: "viewer", query: metricExemplarsQuerySchema }, ({ query }) => {
  const { from, to, ...rest } = query;
  return listMetricExemplars(getReadPool(), { ...rest, ...resolveTimeRange({ from, to }, Date.now()) });
});
