import { getReadPool } from "@/lib/db/client";
import { listDuplicateDeliveries } from "@/lib/findings/list-duplicate-deliveries";
import { findingsWindowQuerySchema } from "@/lib/findings/schemas";
import { withRoute } from "@/lib/http/with-route";
import { resolveTimeRange } from "@/lib/query/resolve-time-range";

export const dynamic = "force-dynamic";

export const GET = withRoute({ access: "viewer", query: findingsWindowQuerySchema }, ({ query }) => listDuplicateDeliveries(getReadPool(), resolveTimeRange(query, Date.now())));
