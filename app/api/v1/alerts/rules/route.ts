import { createAlertRule } from "@/lib/alerts/create-alert-rule";
import { listAlertRules } from "@/lib/alerts/list-alert-rules";
import { alertRuleBodySchema } from "@/lib/alerts/schemas";
import { getPool } from "@/lib/db/client";
import { withRoute } from "@/lib/http/with-route";

export const dynamic = "force-dynamic";

export const GET = withRoute({ access: "viewer" }, () => listAlertRules(getPool()));

export const POST = withRoute({ access: "editor", body: alertRuleBodySchema }, ({ body }) => createAlertRule(getPool(), body));
