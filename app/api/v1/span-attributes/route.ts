import { getReadPool } from "@/lib/db/client";
import { withRoute } from "@/lib/http/with-route";
import { resolveTimeRange } from "@/lib/query/resolve-time-range";
import { spanAttributesQuerySchema } from "@/lib/schemas/span-attributes";
import { listSpanAttributes } from "@/lib/trace/list-span-attributes";

export const dynamic = "force-dynamic";

export const GET = withRoute({ access: "viewer", query: spanAttributesQuerySchema }, ({ query }) => {
  const { from, to, service } = query;
  return listSpanAttributes(getReadPool(), { ...resolveTimeRange({ from, to }, Date.now()), service });
});
