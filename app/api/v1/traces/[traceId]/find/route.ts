import { getReadPool } from "@/lib/db/client";
import { withRoute } from "@/lib/http/with-route";
import { parsePathParams } from "@/lib/schemas/parse-path-params";
import { findInTraceQuerySchema } from "@/lib/schemas/trace-compact";
import { traceIdPathSchema } from "@/lib/schemas/traces";
import { findSpansInTrace } from "@/lib/trace/find-spans-in-trace";

export const dynamic = "force-dynamic";

/** Spans of one trace whose name, service, status message, attributes or events contain `q`. */
export const GET = withRoute({ access: "viewer", query: findInTraceQuerySchema }, async ({ query, params }: { query: { q: string }; params: { traceId: string } }) => {
  const { traceId } = parsePathParams(traceIdPathSchema, params);
  return findSpansInTrace(getReadPool(), traceId, query.q);
});
