import { getReadPool } from "@/lib/db/client";
import { getTraceDeliveries } from "@/lib/findings/get-trace-deliveries";
import { traceDeliveriesPathSchema } from "@/lib/findings/schemas";
import { withRoute } from "@/lib/http/with-route";
import { parsePathParams } from "@/lib/schemas/parse-path-params";

export const dynamic = "force-dynamic";

export const GET = withRoute({ access: "viewer" }, async ({ params }: { params: { traceId: string } }) => {
  const { traceId } = parsePathParams(traceDeliveriesPathSchema, params);
  return getTraceDeliveries(getReadPool(), traceId);
});
