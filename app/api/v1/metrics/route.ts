import { getReadPool } from "@/lib/db/client";
import { withRoute } from "@/lib/http/with-route";
import { listMetrics } from "@/lib/query/list-metrics";
import { metricListQuerySchema } from "@/lib/schemas/metrics";

export const dynamic = "force-dynamic";

export const GET = withRoute({ access: "viewer", query: metricListQuerySchema }, ({ query }) => listMetrics(getReadPool(), query));
