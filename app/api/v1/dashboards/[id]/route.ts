import { requestClient } from "@/lib/activity/record-activity";
import { deleteDashboard } from "@/lib/dashboards/delete-dashboard";
import { getDashboard } from "@/lib/dashboards/get-dashboard";
import { dashboardIdPathSchema, updateDashboardBodySchema } from "@/lib/dashboards/schemas";
import { updateDashboard } from "@/lib/dashboards/update-dashboard";
import { withRoute } from "@/lib/http/with-route";
import { parsePathParams } from "@/lib/schemas/parse-path-params";

export const dynamic = "force-dynamic";

const idOf = (params: unknown) => parsePathParams(dashboardIdPathSchema, params).id;

export const GET = withRoute({ access: "viewer" }, ({ params }) => getDashboard(idOf(params)));

/** Replaces the dashboard when `version` is still the stored one; 409 otherwise, and for provisioned ones. */
export const PUT = withRoute({ access: "editor", body: updateDashboardBodySchema }, ({ body, params, request, principal }) =>
  updateDashboard(idOf(params), body, principal, requestClient(request.headers)),
);

export const DELETE = withRoute({ access: "editor" }, ({ params, request, principal }) => deleteDashboard(idOf(params), principal, requestClient(request.headers)));
