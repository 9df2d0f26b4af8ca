import { getReadPool } from "@/lib/db/client";
import { withRoute } from "@/lib/http/with-route";
import { resolveTimeRange } from "@/lib/query/resolve-time-range";
import { serviceMapQuerySchema } from "@/lib/schemas/service-map";
import { getServiceMap } from "@/lib/service-map/get-service-map";

export const dynamic = "force-dynamic";

export const GET = withRoute({ access: "viewer", query: serviceMapQuerySchema }, ({ query }) => getServiceMap(getReadPool(), resolveTimeRange(query, Date.now())));
