import { getReadPool } from "@/lib/db/client";
import { withRoute } from "@/lib/http/with-route";
import { resolveTimeRange } from "@/lib/query/resolve-time-range";
import { getServiceHealth } from "@/lib/services/get-service-health";
import { serviceWindowQuerySchema } from "@/lib/services/schemas";

export const dynamic = "force-dynamic";

export const GET = withRoute({ access: "viewer", query: serviceWindowQuerySchema }, ({ query }) => getServiceHealth(getReadPool(), resolveTimeRange(query, Date.now())));
