import { deleteRule } from "@/lib/consistency/delete-rule";
import { getRule } from "@/lib/consistency/get-rule";
import { ruleBodySchema, ruleIdPathSchema } from "@/lib/consistency/schemas";
import { updateRule } from "@/lib/consistency/update-rule";
import { getPool } from "@/lib/db/client";
import { withRoute } from "@/lib/http/with-route";
import { parsePathParams } from "@/lib/schemas/parse-path-params";

export const dynamic = "force-dynamic";

const idOf = (params: unknown) => parsePathParams(ruleIdPathSchema, params).id;

export const GET = withRoute({ access: "viewer" }, ({ params }) => getRule(getPool(), idOf(params)));

/** A new definition applies to changes from now on; checks already open keep theirs. */
export const PUT = withRoute({ access: "editor", body: ruleBodySchema }, ({ body, params }) => updateRule(getPool(), idOf(params), body));

export const DELETE = withRoute({ access: "editor" }, ({ params }) => deleteRule(getPool(), idOf(params)));
