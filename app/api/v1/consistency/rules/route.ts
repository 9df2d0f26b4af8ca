import { createRule } from "@/lib/consistency/create-rule";
import { listRules } from "@/lib/consistency/list-rules";
import { ruleBodySchema } from "@/lib/consistency/schemas";
import { getPool } from "@/lib/db/client";
import { withRoute } from "@/lib/http/with-route";

export const dynamic = "force-dynamic";

export const GET = withRoute({ access: "viewer" }, () => listRules(getPool()));

export const POST = withRoute({ access: "editor", body: ruleBodySchema }, ({ body }) => createRule(getPool(), body));
