import { getReadPool } from "@/lib/db/client";
import { ApiError } from "@/lib/http/api-error";
import { withRoute } from "@/lib/http/with-route";
import { parsePathParams } from "@/lib/schemas/parse-path-params";
import { traceIdPathSchema } from "@/lib/schemas/traces";
import { getCompactTraceJson } from "@/lib/trace/get-compact-trace";

export const dynamic = "force-dynamic";

/** The waterfall's columnar skeleton of a trace (see lib/schemas/trace-compact.ts), as PostgreSQL wrote it. */
export const GET = withRoute({ access: "viewer" }, async ({ params }: { params: { traceId: string } }) => {
  const { traceId } = parsePathParams(traceIdPathSchema, params);
  const json = await getCompactTraceJson(getReadPool(), traceId);
  if (json === null) throw new ApiError("not_found", `traceId: no spans of trace ${traceId} are stored`);
  return new Response(json, { headers: { "content-type": "application/json" } });
});
