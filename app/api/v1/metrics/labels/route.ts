import { getReadPool } from "@/lib/db/client";
import { withRoute } from "@/lib/http/with-route";
import { listMetricLabelValues } from "@/lib/query/list-metric-label-values";
import { metricLabelsQuerySchema } from "@/lib/schemas/metrics";

export const dynamic = "force-dynamic";

export const GET = withRoute({ access: "viewer", query: metricLabelsQuerySchema }, ({ query }) => listMetricLabelValues(getReadPool(), query));
