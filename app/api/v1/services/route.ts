import { getReadPool } from "@/lib/db/client";
import { withRoute } from "@/lib/http/with-route";
import { listServices } from "@/lib/query/list-services";
import { resolveTimeRange } from "@/lib/query/resolve-time-range";
import { servicesQuerySchema } from "@/lib/schemas/services";

export const dynamic = "force-dynamic";

export const GET = withRoute({ access: "viewer", query: servicesQuerySchema }, ({ query }) => listServices(getReadPool(), resolveTimeRange(query, Date.now())));
