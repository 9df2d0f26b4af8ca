import { getReadPool } from "@/lib/db/client";
import { ApiError } from "@/lib/http/api-error";
import { withRoute } from "@/lib/http/with-route";
import { getTrace } from "@/lib/query/get-trace";
import { parsePathParams } from "@/lib/schemas/parse-path-params";
import { traceIdPathSchema } from "@/lib/schemas/traces";

export const dynamic = "force-dynamic";

export const GET = withRoute({ access: "viewer" }, async ({ params }: { params: { traceId: string } }) => {
  const { traceId } = parsePathParams(traceIdPathSchema, params);
  const trace = await getTrace(getReadPool(), traceId);
  if (!trace) throw new ApiError("not_found", `traceId: no spans of trace ${traceId} are stored`);
  return trace;
});
