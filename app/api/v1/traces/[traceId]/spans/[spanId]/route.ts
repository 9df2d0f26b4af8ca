import { getReadPool } from "@/lib/db/client";
import { ApiError } from "@/lib/http/api-error";
import { withRoute } from "@/lib/http/with-route";
import { parsePathParams } from "@/lib/schemas/parse-path-params";
import { traceSpanPathSchema } from "@/lib/schemas/trace-compact";
import { getTraceSpan } from "@/lib/trace/get-trace-span";

export const dynamic = "force-dynamic";

/** One span of a trace with its attributes, events, links and resource. */
export const GET = withRoute({ access: "viewer" }, async ({ params }: { params: { traceId: string; spanId: string } }) => {
  const { traceId, spanId } = parsePathParams(traceSpanPathSchema, params);
  const span = await getTraceSpan(getReadPool(), traceId, spanId);
  if (!span) throw new ApiError("not_found", `spanId: trace ${traceId} has no stored span ${spanId}`);
  return { span };
});
