import { getTraceCauses } from "@/lib/causes/get-trace-causes";
import { getReadPool } from "@/lib/db/client";
import { withRoute } from "@/lib/http/with-route";
import { parsePathParams } from "@/lib/schemas/parse-path-params";
import { traceIdPathSchema } from "@/lib/schemas/traces";

export const dynamic = "force-dynamic";

export const GET = withRoute({ access: "viewer" }, ({ params }: { params: { traceId: string } }) => {
  const { traceId } = parsePathParams(traceIdPathSchema, params);
  return getTraceCauses(getReadPool(), traceId);
});
