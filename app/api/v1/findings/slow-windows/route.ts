import { getReadPool } from "@/lib/db/client";
import { listSlowWindows } from "@/lib/findings/list-slow-windows";
import { findingsWindowQuerySchema } from "@/lib/findings/schemas";
import { withRoute } from "@/lib/http/with-route";
import { resolveTimeRange } from "@/lib/query/resolve-time-range";

export const dynamic = "force-dynamic";

export const GET = withRoute({ access: "viewer", query: findingsWindowQuerySchema }, ({ query }) => listSlowWindows(getReadPool(), resolveTimeRange(query, Date.now())));
