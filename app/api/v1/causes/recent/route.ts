import { listRecentCauses } from "@/lib/causes/list-recent-causes";
import { recentCausesQuerySchema } from "@/lib/causes/schemas";
import { getReadPool } from "@/lib/db/client";
import { withRoute } from "@/lib/http/with-route";
import { resolveTimeRange } from "@/lib/query/resolve-time-range";

export const dynamic = "force-dynamic";

export const GET = withRoute({ access: "viewer", query: recentCausesQuerySchema }, ({ query }) => listRecentCauses(getReadPool(), resolveTimeRange(query, Date.now())));
