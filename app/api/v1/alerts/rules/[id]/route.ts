import { deleteAlertRule } from "@/lib/alerts/delete-alert-rule";
import { getAlertRule } from "@/lib/alerts/get-alert-rule";
import { alertRuleBodySchema, alertRuleIdPathSchema } from "@/lib/alerts/schemas";
import { updateAlertRule } from "@/lib/alerts/update-alert-rule";
import { getPool } from "@/lib/db/client";
import { withRoute } from "@/lib/http/with-route";
import { parsePathParams } from "@/lib/schemas/parse-path-params";

export const dynamic = "force-dynamic";

const idOf = (params: unknown) => parsePathParams(alertRuleIdPathSchema, params).id;

export const GET = withRoute({ access: "viewer" }, ({ params }) => getAlertRule(getPool(), idOf(params)));

/** An SLO's burn-rate rules are refused with 409: they change with their SLO. */
export const PUT = withRoute({ access: "editor", body: alertRuleBodySchema }, ({ body, params }) => updateAlertRule(getPool(), idOf(params), body));

export const DELETE = withRoute({ access: "editor" }, ({ params }) => deleteAlertRule(getPool(), idOf(params)));
