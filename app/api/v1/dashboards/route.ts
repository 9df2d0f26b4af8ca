import { requestClient } from "@/lib/activity/record-activity";
import { createDashboard } from "@/lib/dashboards/create-dashboard";
import { listDashboards } from "@/lib/dashboards/list-dashboards";
import { createDashboardBodySchema } from "@/lib/dashboards/schemas";
import { withRoute } from "@/lib/http/with-route";

export const dynamic = "force-dynamic";

export const GET = withRoute({ access: "viewer" }, async () => ({ dashboards: await listDashboards() }));

export const POST = withRoute({ access: "editor", body: createDashboardBodySchema }, ({ body, request, principal }) =>
  createDashboard(body, principal, requestClient(request.headers)),
);
