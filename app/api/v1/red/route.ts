import { getReadPool } from "@/lib/db/client";
import { withRoute } from "@/lib/http/with-route";
import { getRedSeries } from "@/lib/query/get-red-series";
import { resolveTimeRange } from "@/lib/query/resolve-time-range";
import { redQuerySchema } from "@/lib/schemas/red";

export const dynamic = "force-dynamic";

export const GET = withRoute({ access: "viewer", query: redQuerySchema }, ({ query }) => {
  const { from, to, step, ...filters } = query;
  return getRedSeries(getReadPool(), { ...filters, ...resolveTimeRange({ from, to }, Date.now()), stepSeconds: step });
});
