import { getViolation } from "@/lib/consistency/get-violation";
import { violationIdPathSchema } from "@/lib/consistency/schemas";
import { getReadPool } from "@/lib/db/client";
import { withRoute } from "@/lib/http/with-route";
import { parsePathParams } from "@/lib/schemas/parse-path-params";

export const dynamic = "force-dynamic";

export const GET = withRoute({ access: "viewer" }, ({ params }) => getViolation(getReadPool(), parsePathParams(violationIdPathSchema, params).id, Date.now()));
