import { requestClient } from "@/lib/activity/record-activity";
import { withRoute } from "@/lib/http/with-route";
import { getReportSettings } from "@/lib/reports/get-report-settings";
import { timeoutReportSettingsSchema } from "@/lib/reports/report-settings-schema";
import { resetReportSettings } from "@/lib/reports/reset-report-settings";
import { updateReportSettings } from "@/lib/reports/update-report-settings";

export const dynamic = "force-dynamic";

/** Everyone may read what reports are computed with; only admins change it. */
export const GET = withRoute({ access: "viewer" }, () => getReportSettings());

export const PUT = withRoute({ access: "admin", body: timeoutReportSettingsSchema }, ({ body, request, principal }) => updateReportSettings(body, principal, requestClient(request.headers)));

/** Back to the defaults (the stored row is removed). */
export const DELETE = withRoute({ access: "admin" }, ({ request, principal }) => resetReportSettings(principal, requestClient(request.headers)));
