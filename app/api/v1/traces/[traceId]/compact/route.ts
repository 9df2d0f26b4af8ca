import { getPool } from "@/lib/db/client";
import { ApiError } from "@/lib/http/api-error";
import { withRoute } from "@/lib/http/with-route";
import { parsePathParams } from "@/lib/schemas/parse-path-params";
import { traceIdPathSchema } from "@/lib/schemas/traces";
import { getCompactTrace } from "@/lib/trace/get-compact-trace";

export const dynamic = "force-dynamic";

/** The waterfall's columnar skeleton of a trace (see lib/schemas/trace-compact.ts). */
export const GET = withRoute({}, async ({ params }: { params: { traceId: string } }) => {
  const { traceId } = parsePathParams(traceIdPathSchema, params);
  const trace = await getCompactTrace(getPool(), traceId);
  if (!trace) throw new ApiError("not_found", `traceId: no spans of trace ${traceId} are stored`);
  return trace;
});
