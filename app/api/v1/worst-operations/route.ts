import { getReadPool } from "@/lib/db/client";
import { withRoute } from "@/lib/http/with-route";
import { resolveTimeRange } from "@/lib/query/resolve-time-range";
import { getWorstOperations } from "@/lib/services/get-worst-operations";
import { worstOperationsQuerySchema } from "@/lib/services/schemas";

export const dynamic = "force-dynamic";

export const GET = withRoute({ access: "viewer", query: worstOperationsQuerySchema }, ({ query }) => {
  const { limit, ...range } = query;
  return getWorstOperations(getReadPool(), { ...resolveTimeRange(range, Date.now()), limit });
});
