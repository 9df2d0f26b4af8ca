import { requestClient } from "@/lib/activity/record-activity";
import { duplicateDashboard } from "@/lib/dashboards/duplicate-dashboard";
import { dashboardIdPathSchema } from "@/lib/dashboards/schemas";
import { withRoute } from "@/lib/http/with-route";
import { parsePathParams } from "@/lib/schemas/parse-path-params";

export const dynamic = "force-dynamic";

/** An editable copy of any dashboard, provisioned ones included. */
export const POST = withRoute({ access: "editor" }, ({ params, request, principal }) =>
  duplicateDashboard(parsePathParams(dashboardIdPathSchema, params).id, principal, requestClient(request.headers)),
);
